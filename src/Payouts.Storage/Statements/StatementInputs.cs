using Azure.Data.Tables;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Statements;

/// <summary>
/// Finds and claims the records one statement counts. The creator's Activity marks for the period name the record
/// partitions to read (the period's own and any earlier one with late arrivals), so reads grow with the creator's
/// records in play, never with history. Claiming sets <c>SettledIn</c> to the statement id with an ETag condition.
/// </summary>
internal sealed class StatementInputs(TableServiceClient tables, PeriodCalendar calendar)
{
    private const int ClaimParallelism = 8;
    private readonly TableClient _activity = tables.GetTableClient(TableNames.Activity);
    private readonly TableClient _gifts = tables.GetTableClient(TableNames.Gifts);
    private readonly TableClient _deals = tables.GetTableClient(TableNames.Deals);
    private readonly RecordIdIndex _ids = new(tables.GetTableClient(TableNames.RecordIds));
    private readonly GiftMapping _giftMapping = new();
    private readonly DealMapping _dealMapping = new();

    public async Task<ClaimedRecords> ReadAsync(StatementId id, CancellationToken ct)
    {
        var gifts = new List<(TableEntity, GiftRecord)>();
        var deals = new List<(TableEntity, DealRecord)>();
        foreach (var recordPeriod in await RecordPeriodsAsync(id, ct))
        {
            var partition = TableKeys.Compose(id.CreatorId, recordPeriod.ToString());
            await foreach (var row in OpenRows(_gifts, partition, id, ct))
            {
                gifts.Add((row, _giftMapping.FromEntity(row)));
            }

            await foreach (var row in OpenRows(_deals, partition, id, ct))
            {
                deals.Add((row, _dealMapping.FromEntity(row)));
            }
        }

        return new ClaimedRecords(gifts, deals);
    }

    /// <summary>
    /// Claims every row not yet claimed, in ≤ 100-row transactions that run concurrently (each is ETag-guarded and
    /// independent); false when any row changed since it was read (read again and retry: rows already claimed by this
    /// statement are read back as its own).
    /// </summary>
    public async Task<bool> ClaimAsync(ClaimedRecords records, StatementId id, CancellationToken ct)
    {
        var statementId = id.ToString();
        var open = records.Gifts.Select(g => (Table: _gifts, g.Row)).Concat(records.Deals.Select(d => (Table: _deals, d.Row)))
            .Where(r => r.Row.GetString(RecordColumns.SettledIn) != statementId);
        var transactions = open
            .GroupBy(r => (r.Table.Name, r.Row.PartitionKey))
            .SelectMany(group => group.Chunk(InsertOnlyWriter.MaxTransactionSize).Select(chunk => (group.First().Table, Chunk: chunk)));
        var conflict = 0;
        await Parallel.ForEachAsync(transactions, new ParallelOptions { MaxDegreeOfParallelism = ClaimParallelism, CancellationToken = ct }, async (transaction, token) =>
        {
            var actions = transaction.Chunk.Select(r => new TableTransactionAction(
                TableTransactionActionType.UpdateMerge,
                new TableEntity(r.Row.PartitionKey, r.Row.RowKey) { [RecordColumns.SettledIn] = statementId },
                r.Row.ETag));
            try
            {
                await transaction.Table.SubmitTransactionAsync(actions, token);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                Interlocked.Exchange(ref conflict, 1);
            }
        });
        return conflict == 0;
    }

    /// <summary>Gift entries for the calculator; a refund is valued at its original gift's date (looked up when not in hand).</summary>
    public async Task<List<GiftEntry>> GiftEntriesAsync(ClaimedRecords records, CancellationToken ct)
    {
        var inHand = records.Gifts.ToDictionary(g => (g.Record.PartnerId, g.Record.RecordId), g => g.Record);
        var entries = new List<GiftEntry>(records.Gifts.Count);
        foreach (var (_, gift) in records.Gifts)
        {
            if (gift.Kind == GiftKind.Gift)
            {
                entries.Add(GiftEntry.From(gift, calendar));
                continue;
            }

            var original = inHand.GetValueOrDefault((gift.PartnerId, gift.OriginalRecordId!)) ?? await FindGiftAsync(gift.PartnerId, gift.OriginalRecordId!, ct);
            entries.Add(GiftEntry.ForRefund(gift, original, calendar));
        }

        return entries;
    }

    public List<DealEntry> DealEntries(ClaimedRecords records) => records.Deals.Select(d => DealEntry.From(d.Record, calendar)).ToList();

    private async Task<GiftRecord?> FindGiftAsync(string partnerId, string recordId, CancellationToken ct)
    {
        if (await _ids.FindAsync(RecordKind.Gift, partnerId, recordId, ct) is not { } claim)
        {
            return null;
        }

        var row = await _gifts.GetEntityIfExistsAsync<TableEntity>(claim.GetString("DataPartition"), TableKeys.Compose(partnerId, recordId), cancellationToken: ct);
        return row.HasValue ? _giftMapping.FromEntity(row.Value!) : null;
    }

    public async Task<bool> HasActivityAsync(StatementId id, CancellationToken ct) => (await RecordPeriodsAsync(id, ct)).Count > 0;

    private async Task<IReadOnlyList<PeriodKey>> RecordPeriodsAsync(StatementId id, CancellationToken ct)
    {
        var periods = new SortedSet<PeriodKey>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id.Period.ToString()} and RowKey ge {id.CreatorId + "|"} and RowKey lt {id.CreatorId + "|~"}");
        await foreach (var mark in _activity.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (PeriodKey.TryParse(mark.GetString("RecordPeriod"), out var period) && period.Kind == id.Period.Kind && period <= id.Period)
            {
                periods.Add(period);
            }
        }

        return periods.ToList();
    }

    private static async IAsyncEnumerable<TableEntity> OpenRows(TableClient table, string partition, StatementId id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var statementId = id.ToString();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
        {
            var settledIn = row.GetString(RecordColumns.SettledIn);
            if (string.IsNullOrEmpty(settledIn) || settledIn == statementId)
            {
                yield return row;
            }
        }
    }
}
