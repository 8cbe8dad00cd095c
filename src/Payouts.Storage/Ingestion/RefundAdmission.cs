using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// The refund rules (docs/storage.md, "Refunds"): a refund names a gift of the same partner and the same creator,
/// is not dated before it, and never takes back more than the gift's quantity in total (<see cref="RefundTally"/>).
/// A refund whose gift has not arrived waits: it is kept beside a placeholder claim of the gift's id (in the gift's
/// id-index partition) and marked in its period (reconciliation shows it), and the gift's ingest releases it.
/// </summary>
public sealed class RefundAdmission(CreatorTables tables, IngestRejectedStore rejectedStore, PeriodCalendar calendar, IClock clock) : IRecordAdmission<GiftRecord>
{
    private const string DataPartitionColumn = "WaitingDataPartition";
    private const string DataRowKeyColumn = "WaitingDataRowKey";
    private readonly RecordIdIndex _ids = new(tables.RecordIds);
    private readonly RefundTally _tally = new(tables.RecordIds);
    private readonly TableClient _idTable = tables.RecordIds;
    private readonly GiftMapping _mapping = new();

    public async Task<IReadOnlyList<Admission>> AdmitAsync(IReadOnlyList<GiftRecord> records, IReadOnlyList<TableEntity> rows, CancellationToken ct)
    {
        var results = new Admission[records.Count];
        var batch = records.Where(g => g.Kind == GiftKind.Gift).GroupBy(g => (g.PartnerId, g.RecordId)).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < records.Count; i++)
        {
            results[i] = records[i].Kind == GiftKind.Refund ? await AdmitRefundAsync(records[i], rows[i], batch, ct) : Admission.Admit;
        }

        return results;
    }

    public async Task<IReadOnlyList<GiftRecord>> WaitingForAsync(GiftRecord stored, CancellationToken ct)
    {
        var waiting = new List<GiftRecord>();
        var (partition, prefix) = WaitingKeys(stored.PartnerId, stored.RecordId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var row in _idTable.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            waiting.Add(_mapping.FromEntity(row));
        }

        return waiting;
    }

    public async Task ReleasedAsync(GiftRecord stored, IReadOnlyList<GiftRecord> released, IReadOnlyList<RecordOutcome> outcomes, CancellationToken ct)
    {
        var refused = outcomes.Where(o => o.Status == RecordStatus.Rejected).Select(o => new RejectedRecord(
            IngestSource.Release,
            "waiting-refunds",
            RecordKind.Gift,
            stored.PartnerId,
            o.RecordId,
            "accepted while its gift had not arrived; refused once it did: " + string.Join("; ", (o.Errors ?? new Dictionary<string, string[]>()).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
            Describe(released[o.Index]))).ToList();
        if (refused.Count > 0)
        {
            await rejectedStore.AddAsync(refused, ct);
            foreach (var record in refused)
            {
                await _ids.WithdrawAsync(RecordIdIndex.Entry(RecordKind.Gift, stored.PartnerId, record.RecordId!, string.Empty, string.Empty), ct);
            }
        }

        var (partition, prefix) = WaitingKeys(stored.PartnerId, stored.RecordId);
        foreach (var refund in released)
        {
            await _idTable.DeleteEntityAsync(partition, prefix + refund.RecordId, Azure.ETag.All, ct);
            await tables.Activity.DeleteEntityAsync(WaitingMarkPartition(refund), WaitingMarkKey(refund), Azure.ETag.All, ct);
        }

        await _ids.ClearReleaseAsync(RecordIdIndex.Entry(RecordKind.Gift, stored.PartnerId, stored.RecordId, string.Empty, string.Empty), ct);
    }

    /// <summary>How many refunds of <paramref name="period"/> wait for their gift (their marks in the period's activity).</summary>
    public async Task<long> CountWaitingAsync(PeriodKey period, CancellationToken ct)
    {
        long count = 0;
        await foreach (var mark in tables.Activity.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()} and Waiting eq {true}"), select: ["Waiting"], cancellationToken: ct))
        {
            count++;
        }

        return count;
    }

    private async Task<Admission> AdmitRefundAsync(GiftRecord refund, TableEntity row, Dictionary<(string, string), GiftRecord> batch, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var original = batch.GetValueOrDefault((refund.PartnerId, refund.OriginalRecordId!)) ?? await FindAsync(refund.PartnerId, refund.OriginalRecordId!, ct);
        if (original is null)
        {
            return await ParkAsync(refund, row, ct);
        }

        if (original.Kind != GiftKind.Gift)
        {
            errors.Add("originalRecordId", "names a refund, not a gift.");
        }
        else if (original.CreatorId != refund.CreatorId)
        {
            errors.Add("originalRecordId", "names a gift of another creator.");
        }
        else if (refund.OccurredAt < original.OccurredAt)
        {
            errors.Add("occurredAt", string.Create(CultureInfo.InvariantCulture, $"is before the gift it refunds ({original.OccurredAt})."));
        }
        else if (await _tally.ReserveAsync(original, refund.RecordId, refund.Quantity, ct) is { } exceeded)
        {
            errors.Add("quantity", exceeded);
        }

        return errors.IsEmpty ? Admission.Admit : Admission.Reject(errors);
    }

    /// <summary>The gift has not arrived: keep the refund beside a placeholder claim of its id, and mark it waiting in its period.</summary>
    private async Task<Admission> ParkAsync(GiftRecord refund, TableEntity row, CancellationToken ct)
    {
        var existing = await _ids.PlaceholderAsync(RecordKind.Gift, refund.PartnerId, refund.OriginalRecordId!, ct);
        if (existing is not null && existing.GetString(RecordColumns.Fingerprint) != RecordIdIndex.WaitingFingerprint)
        {
            // The gift's id is claimed but its row is not there yet: it is being stored right now.
            var busy = new FieldErrors();
            busy.Add("originalRecordId", "names a gift that is being stored right now; send the refund again in a minute.");
            return Admission.Reject(busy);
        }

        var (partition, prefix) = WaitingKeys(refund.PartnerId, refund.OriginalRecordId!);
        var kept = new TableEntity(row) { PartitionKey = partition, RowKey = prefix + refund.RecordId, [DataPartitionColumn] = row.PartitionKey, [DataRowKeyColumn] = row.RowKey, ETag = default };
        await InsertOnlyWriter.AddAsync(_idTable, [kept], expectExisting: false, ct);
        var mark = new TableEntity(WaitingMarkPartition(refund), WaitingMarkKey(refund))
        {
            ["CreatorId"] = refund.CreatorId,
            ["Waiting"] = true,
            ["LastIngestAt"] = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
        await tables.Activity.UpsertEntityAsync(mark, TableUpdateMode.Replace, ct);
        return Admission.Wait;
    }

    /// <summary>The refund as JSON for IngestRejected (its sender already a keyed hash).</summary>
    private static string Describe(GiftRecord refund) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["partnerId"] = refund.PartnerId,
        ["recordId"] = refund.RecordId,
        ["creatorId"] = refund.CreatorId,
        ["liveId"] = refund.LiveId,
        ["senderHash"] = refund.SenderHash,
        ["giftId"] = refund.GiftId,
        ["coinsPerGift"] = refund.CoinsPerGift,
        ["quantity"] = refund.Quantity,
        ["occurredAt"] = refund.OccurredAt.ToString(),
        ["kind"] = "refund",
        ["originalRecordId"] = refund.OriginalRecordId,
    });

    private static (string Partition, string Prefix) WaitingKeys(string partnerId, string giftId) =>
        (RecordIdIndex.Entry(RecordKind.Gift, partnerId, giftId, string.Empty, string.Empty).PartitionKey, giftId + "|waiting|");

    private string WaitingMarkPartition(GiftRecord refund) => calendar.PeriodOf(refund.OccurredAt).ToString();

    private static string WaitingMarkKey(GiftRecord refund) => $"{refund.CreatorId}|waiting|{refund.PartnerId}|{refund.RecordId}";

    private async Task<GiftRecord?> FindAsync(string partnerId, string recordId, CancellationToken ct)
    {
        if (await _ids.FindAsync(RecordKind.Gift, partnerId, recordId, ct) is not { } claim || claim.GetString(RecordColumns.Fingerprint) == RecordIdIndex.WaitingFingerprint)
        {
            return null;
        }

        var partition = claim.GetString("DataPartition");
        var creatorId = partition.Split(TableKeys.Separator)[0];
        var row = await tables.Gifts(creatorId).GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Compose(partnerId, recordId), cancellationToken: ct);
        return row.HasValue ? _mapping.FromEntity(row.Value!) : null;
    }
}
