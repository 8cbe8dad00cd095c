using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Refunds kept aside until their gift arrives (docs/storage.md, "Refunds"), and the one owner of their two keys: the
/// refund's would-be row in its gift's id-index partition (RecordIds, <c>{giftId}|waiting|{refundId}</c>), where the
/// gift's ingest finds it, and a waiting mark in the refund's period (Activity, <c>{creatorId}|waiting|{partnerId}|{refundId}</c>),
/// which reconciliation lists. The gift id is always in the refund's own partner's id space.
/// </summary>
public sealed class WaitingRefunds(CreatorTables tables, PeriodCalendar calendar)
{
    private const string DataPartitionColumn = "WaitingDataPartition";
    private const string DataRowKeyColumn = "WaitingDataRowKey";
    private const string WaitingColumn = "Waiting";
    private const string SinceColumn = "WaitingSince";
    private const string OriginalColumn = "OriginalRecordId";
    private readonly TableClient _ids = tables.RecordIds;
    private readonly TableClient _activity = tables.Activity;

    /// <summary>Keeps <paramref name="refund"/> (as <paramref name="row"/>) beside its gift's id and marks it waiting; a resend keeps its first time.</summary>
    public async Task KeepAsync(GiftRecord refund, TableEntity row, Instant now, CancellationToken ct)
    {
        var (partition, prefix) = KeptKeys(refund.PartnerId, refund.OriginalRecordId!);
        var kept = new TableEntity(row) { PartitionKey = partition, RowKey = prefix + refund.RecordId, [DataPartitionColumn] = row.PartitionKey, [DataRowKeyColumn] = row.RowKey, ETag = default };
        var earlier = (await InsertOnlyWriter.AddAsync(_ids, [kept], expectExisting: false, ct))[0];
        var since = earlier?.GetDateTimeOffset(RecordColumns.IngestedAt) ?? now.ToDateTimeOffset();
        var mark = new TableEntity(MarkPartition(refund), MarkKey(refund.CreatorId, refund.PartnerId, refund.RecordId))
        {
            [RecordColumns.CreatorId] = refund.CreatorId,
            [RecordColumns.PartnerId] = refund.PartnerId,
            [RecordColumns.RecordId] = refund.RecordId,
            [OriginalColumn] = refund.OriginalRecordId,
            [WaitingColumn] = true,
            [SinceColumn] = since,
            ["LastIngestAt"] = now.ToDateTimeOffset(),
        };
        await _activity.UpsertEntityAsync(mark, TableUpdateMode.Replace, ct);
    }

    /// <summary>The rows of the refunds waiting for the gift <paramref name="giftId"/> of <paramref name="partnerId"/>.</summary>
    public async Task<IReadOnlyList<TableEntity>> ForGiftAsync(string partnerId, string giftId, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        var (partition, prefix) = KeptKeys(partnerId, giftId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var row in _ids.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Takes a refund out of waiting (its gift released it, or it was voided): both keys, idempotently.</summary>
    public async Task RemoveAsync(string partnerId, string giftId, string refundId, string creatorId, PeriodKey period, CancellationToken ct)
    {
        var (partition, prefix) = KeptKeys(partnerId, giftId);
        await _ids.DeleteEntityAsync(partition, prefix + refundId, Azure.ETag.All, ct);
        await _activity.DeleteEntityAsync(period.ToString(), MarkKey(creatorId, partnerId, refundId), Azure.ETag.All, ct);
    }

    /// <summary>One waiting refund of <paramref name="creatorId"/> in <paramref name="period"/>, or null when it is not waiting.</summary>
    public async Task<WaitingRefund?> FindAsync(string creatorId, PeriodKey period, string partnerId, string refundId, CancellationToken ct)
    {
        var mark = await _activity.GetEntityIfExistsAsync<TableEntity>(period.ToString(), MarkKey(creatorId, partnerId, refundId), cancellationToken: ct);
        return mark.HasValue ? Read(mark.Value!) : null;
    }

    /// <summary>How many refunds of <paramref name="period"/> wait, and the first <paramref name="max"/> of them (by creator, partner, record id).</summary>
    public async Task<(long Count, IReadOnlyList<WaitingRefund> First)> ListAsync(PeriodKey period, int max, CancellationToken ct)
    {
        long count = 0;
        var first = new List<WaitingRefund>(Math.Min(max, 16));
        // Column names are part of the filter's text, only values are formatted (quoted) by CreateQueryFilter.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()} and Waiting eq {true}");
        string[] columns = ["RowKey", RecordColumns.CreatorId, RecordColumns.PartnerId, RecordColumns.RecordId, OriginalColumn, SinceColumn, "LastIngestAt"];
        await foreach (var mark in _activity.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: ct))
        {
            if (count++ < max)
            {
                first.Add(Read(mark));
            }
        }

        return (count, first);
    }

    /// <summary>Marks written before they named partner, record and gift still read: the first two are in the row key.</summary>
    private static WaitingRefund Read(TableEntity mark)
    {
        var key = mark.RowKey.Split(TableKeys.Separator);
        var since = mark.GetDateTimeOffset(SinceColumn) ?? mark.GetDateTimeOffset("LastIngestAt") ?? DateTimeOffset.UnixEpoch;
        return new WaitingRefund(
            mark.GetString(RecordColumns.PartnerId) ?? key[2],
            mark.GetString(RecordColumns.RecordId) ?? key[3],
            mark.GetString(OriginalColumn),
            mark.GetString(RecordColumns.CreatorId) ?? key[0],
            Instant.FromDateTimeOffset(since));
    }

    private static (string Partition, string Prefix) KeptKeys(string partnerId, string giftId) =>
        (RecordIdIndex.Entry(RecordKind.Gift, partnerId, giftId, string.Empty, string.Empty).PartitionKey, giftId + "|waiting|");

    private string MarkPartition(GiftRecord refund) => calendar.PeriodOf(refund.OccurredAt).ToString();

    private static string MarkKey(string creatorId, string partnerId, string refundId) => $"{creatorId}|waiting|{partnerId}|{refundId}";
}
