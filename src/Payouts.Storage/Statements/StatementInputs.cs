using System.Collections.Concurrent;
using Azure.Data.Tables;
using Payouts.Application.Settlement;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Settlement;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Statements;

/// <summary>
/// Finds the records one statement counts, without a write and without scanning history. The creator's settlement
/// entries name their record partitions; for each that can hold new rows, the partition's sequence says how far it
/// goes, and the rows after the settled point are read by a range of <c>Seq</c>. Which partitions can hold new rows:
/// for a creator's first statement all of them; after that, the ones newer than the last statement's period and the
/// ones named by the creator's activity marks since then (a late record is marked in every period up to the one
/// running when it arrived).
/// </summary>
public sealed class StatementInputs(CreatorTables tables, SettlementLedger settlements, ActivityIndex activity, PeriodCalendar calendar) : IStatementInputs
{
    /// <summary>Record partitions one statement settles: its commit also holds the lease, header and balance (≤ 100 entities).</summary>
    public const int MaxPartitions = 90;

    private const int ReadParallelism = 8;
    private readonly RecordIdIndex _ids = new(tables.RecordIds);
    private readonly GiftMapping _giftMapping = new();
    private readonly DealMapping _dealMapping = new();

    /// <param name="lastPeriod">The period of the creator's last issued statement, or null before the first.</param>
    public async Task<StatementInputSet> ReadAsync(string creatorId, PeriodKey period, PeriodKey? lastPeriod, CancellationToken ct)
    {
        var hinted = lastPeriod is { } last ? await HintedPeriodsAsync(creatorId, last, period, ct) : null;
        var entries = (await settlements.ListAsync(creatorId, ct))
            .Where(e => e.RecordPeriod.Kind == period.Kind && e.RecordPeriod <= period)
            .Where(e => hinted is null || e.RecordPeriod > lastPeriod || hinted.Contains(e.RecordPeriod))
            .ToList();

        // First how far each partition goes, then the rows of at most MaxPartitions of them (oldest first): the
        // commit advances one entry per partition in a transaction of at most 100 entities; the rest wait for the
        // creator's next statement.
        var sequences = new ConcurrentBag<PendingRecords>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(entries, options, async (entry, token) =>
        {
            var (upTo, _) = await RecordSequence.ReadAsync(tables.Records(creatorId, SettlementLedger.TableOf(entry.Kind)), SettlementLedger.PartitionOf(entry), token);
            if (upTo > entry.SettledSeq)
            {
                sequences.Add(new PendingRecords(entry, upTo));
            }
        });
        var ordered = sequences.OrderBy(p => p.Entry.RecordPeriod).ThenBy(p => p.Entry.Kind).ToList();
        var pending = ordered.Take(MaxPartitions).ToList();
        var leftOut = ordered.Skip(MaxPartitions).Select(p => p.Entry.RecordPeriod).Distinct().ToList();

        var rows = await ReadRowsAsync(creatorId, pending.Select(p => p.Range).ToList(), ct);
        return Counted(rows, pending, leftOut);
    }

    public async Task<StatementInputSet> ReadSettledAsync(StatementHeader header, CancellationToken ct)
    {
        var ranges = header.Settled.Select(SettledRange.TryParse).OfType<SettledRange>().ToList();
        var rows = await ReadRowsAsync(header.CreatorId, ranges, ct);
        return Counted(rows, [], []);
    }

    /// <summary>What the rows count once voids are applied: a record read with its void drops out (<see cref="VoidCancellation"/>).</summary>
    private static StatementInputSet Counted(ReadRows rows, IReadOnlyList<PendingRecords> partitions, IReadOnlyList<PeriodKey> leftOut)
    {
        var counted = VoidCancellation.Apply([.. rows.Gifts], [.. rows.GiftVoids], [.. rows.Deals], [.. rows.DealVoids]);
        return new StatementInputSet(partitions, leftOut, counted.Gifts, counted.Deals)
        {
            GiftVoids = counted.GiftVoids,
            DealVoids = counted.DealVoids,
            Cancelled = counted.Cancelled,
        };
    }

    /// <summary>The rows of each range as records and voids, as stored.</summary>
    private async Task<ReadRows> ReadRowsAsync(string creatorId, IReadOnlyList<SettledRange> ranges, CancellationToken ct)
    {
        var rows = new ReadRows();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(ranges, options, async (range, token) =>
        {
            var table = tables.Records(creatorId, SettlementLedger.TableOf(range.Kind));
            var partition = TableKeys.Compose(creatorId, range.RecordPeriod.ToString());
            var read = 0L;
            await foreach (var row in table.QueryAsync<TableEntity>(RecordSequence.RangeFilter(partition, range.After, range.UpTo), cancellationToken: token))
            {
                read++;
                if (range.Kind == RecordKind.Gift)
                {
                    // A void row copies its gift's columns: read as the gift, it is the gift as stored.
                    if (VoidRows.IsVoid(row))
                    {
                        var gift = _giftMapping.FromEntity(row);
                        rows.GiftVoids.Add(new GiftVoid(gift, VoidRows.QuantityOf(row) ?? gift.Quantity));
                    }
                    else
                    {
                        rows.Gifts.Add(_giftMapping.FromEntity(row));
                    }
                }
                else
                {
                    (VoidRows.IsVoid(row) ? rows.DealVoids : rows.Deals).Add(_dealMapping.FromEntity(row));
                }
            }

            if (read != range.Count)
            {
                throw new InvalidDataException($"Partition {partition} of {range.Kind} gave {read} rows for sequence {range.After}..{range.UpTo}.");
            }
        });
        return rows;
    }

    /// <summary>Gift entries for the calculator; a refund is valued at its original gift's date (looked up when not in hand).</summary>
    public async Task<List<GiftEntry>> GiftEntriesAsync(StatementInputSet inputs, CancellationToken ct)
    {
        var inHand = inputs.Gifts.ToDictionary(g => (g.PartnerId, g.RecordId));
        var entries = new List<GiftEntry>(inputs.Gifts.Count);
        foreach (var gift in inputs.Gifts)
        {
            if (gift.Kind == GiftKind.Gift)
            {
                entries.Add(GiftEntry.From(gift, calendar));
                continue;
            }

            var original = inHand.GetValueOrDefault((gift.PartnerId, gift.OriginalRecordId!)) ?? await FindGiftAsync(gift.PartnerId, gift.OriginalRecordId!, ct);
            entries.Add(GiftEntry.ForRefund(gift, original, calendar));
        }

        entries.AddRange(inputs.GiftVoids.Select(v => GiftEntry.ForVoid(v, calendar)));
        return entries;
    }

    public List<DealEntry> DealEntries(StatementInputSet inputs) =>
        [.. inputs.Deals.Select(d => DealEntry.From(d, calendar)), .. inputs.DealVoids.Select(d => DealEntry.ForVoid(d, calendar))];

    /// <summary>Record periods named by the creator's marks in every period after <paramref name="last"/> up to <paramref name="period"/>.</summary>
    private async Task<HashSet<PeriodKey>> HintedPeriodsAsync(string creatorId, PeriodKey last, PeriodKey period, CancellationToken ct)
    {
        var hinted = new HashSet<PeriodKey>();
        for (var q = last.Next(); q <= period; q = q.Next())
        {
            hinted.UnionWith(await activity.RecordPeriodsAsync(creatorId, q, ct));
        }

        return hinted;
    }

    private async Task<GiftRecord?> FindGiftAsync(string partnerId, string recordId, CancellationToken ct)
    {
        if (await _ids.FindAsync(RecordKind.Gift, partnerId, recordId, ct) is not { } claim)
        {
            return null;
        }

        var partition = claim.GetString("DataPartition");
        var creatorId = partition.Split(TableKeys.Separator)[0];
        var row = await tables.Gifts(creatorId).GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Compose(partnerId, recordId), cancellationToken: ct);
        return row.HasValue ? _giftMapping.FromEntity(row.Value!) : null;
    }
}
