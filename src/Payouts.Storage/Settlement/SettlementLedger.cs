using System.Collections.Concurrent;
using Azure.Data.Tables;
using Payouts.Application.Settlement;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Settlement;

/// <summary>
/// Owner of the settlement entries: row <c>src|{g|d}|{record period}</c> in the creator's Statements partition, one
/// per record partition the creator has. Ingest makes sure an entry exists before writing the partition's first record
/// (so a builder that lists a creator's entries sees every partition that can hold a record); a statement's commit
/// advances <see cref="SettlementEntry.SettledSeq"/> with the ETag it read, in its own transaction.
/// </summary>
public sealed class SettlementLedger(CreatorTables tables)
{
    private const string Prefix = "src|";
    private const string SettledColumn = "SettledSeq";
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public static string KindCode(RecordKind kind) => kind == RecordKind.Gift ? "g" : "d";

    public static string TableOf(RecordKind kind) => kind == RecordKind.Gift ? TableNames.Gifts : TableNames.Deals;

    /// <summary>Creates the missing entries (insert-only; an entry known to this process costs nothing).</summary>
    public async Task EnsureAsync(RecordKind kind, IEnumerable<(string CreatorId, PeriodKey Period)> partitions, CancellationToken ct)
    {
        var missing = partitions.Distinct().Where(p => !_known.ContainsKey(Key(kind, p.CreatorId, p.Period))).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(missing.GroupBy(p => p.CreatorId, StringComparer.Ordinal), options, async (creator, token) =>
        {
            var rows = creator.Select(p => new TableEntity(p.CreatorId, RowKey(kind, p.Period)) { [SettledColumn] = 0L }).ToList();
            await InsertOnlyWriter.AddAsync(tables.Statements(creator.Key), rows, expectExisting: false, token);
            foreach (var (creatorId, period) in creator)
            {
                _known[Key(kind, creatorId, period)] = true;
            }
        });
    }

    /// <summary>Every entry of the creator (two a month at most: the partition stays small).</summary>
    public async Task<IReadOnlyList<SettlementEntry>> ListAsync(string creatorId, CancellationToken ct)
    {
        var entries = new List<SettlementEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creatorId} and RowKey ge {Prefix} and RowKey lt {"src}"}");
        await foreach (var row in tables.Statements(creatorId).QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (Parse(row) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public async Task<SettlementEntry?> GetAsync(string creatorId, RecordKind kind, PeriodKey period, CancellationToken ct)
    {
        var row = await tables.Statements(creatorId).GetEntityIfExistsAsync<TableEntity>(creatorId, RowKey(kind, period), cancellationToken: ct);
        return row.HasValue ? Parse(row.Value!) : null;
    }

    /// <summary>The commit's action for one entry: advance it to what the statement counted, only if nobody else did.</summary>
    public static TableTransactionAction Advance(PendingRecords pending) => new(
        TableTransactionActionType.UpdateMerge,
        new TableEntity(pending.Entry.CreatorId, RowKey(pending.Entry.Kind, pending.Entry.RecordPeriod)) { [SettledColumn] = pending.UpTo },
        new Azure.ETag(pending.Entry.Version));

    /// <summary>The record partition an entry settles: <c>{creatorId}|{period}</c> of the kind's table.</summary>
    public static string PartitionOf(SettlementEntry entry) => TableKeys.Compose(entry.CreatorId, entry.RecordPeriod.ToString());

    public static string RowKey(RecordKind kind, PeriodKey period) => $"{Prefix}{KindCode(kind)}|{period}";

    private static string Key(RecordKind kind, string creatorId, PeriodKey period) => $"{creatorId}|{RowKey(kind, period)}";

    private static SettlementEntry? Parse(TableEntity row)
    {
        var parts = row.RowKey.Split('|');
        if (parts.Length != 3 || !PeriodKey.TryParse(parts[2], out var period))
        {
            return null;
        }

        var kind = parts[1] == "g" ? RecordKind.Gift : RecordKind.Deal;
        return new SettlementEntry(row.PartitionKey, kind, period, row.GetInt64(SettledColumn) ?? 0, row.ETag.ToString());
    }
}
