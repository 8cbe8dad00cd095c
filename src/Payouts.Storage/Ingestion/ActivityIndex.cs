using Azure.Data.Tables;
using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Tells a period close which creators to visit and which record partitions to read, without scanning history.
/// Row: PartitionKey = the period being closed, RowKey = "{creatorId}|{record period}". A record is marked in its own
/// period; a record that arrives after its period ended is also marked in every later period up to the one running
/// now, so whichever of the creator's statements is built next (the next period's, still in its grace, or a catch-up)
/// visits the creator and finds the record as a prior-period adjustment. Marks are written before the record, so no
/// stored record is ever without them (docs/statements.md, "Why every record is counted exactly once").
/// </summary>
public sealed class ActivityIndex(CreatorTables tables, PeriodCalendar calendar) : Application.Periods.IActivityIndex
{
    private readonly TableClient _table = tables.Activity;

    public async Task MarkAsync(IEnumerable<(string CreatorId, PeriodKey Period)> creatorPeriods, Instant now, CancellationToken ct)
    {
        var marks = new List<TableEntity>();
        foreach (var (creatorId, period) in creatorPeriods.Distinct())
        {
            foreach (var marked in PeriodsToMark(period, now))
            {
                marks.Add(Mark(marked, creatorId, period, now));
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(
            marks.GroupBy(m => m.PartitionKey, StringComparer.Ordinal),
            options,
            async (group, token) => await InsertOnlyWriter.UpsertMergeAsync(_table, group.ToList(), token));
    }

    /// <summary>Where a record of <paramref name="recordPeriod"/> arriving at <paramref name="now"/> is marked: its own period, and every later one up to the current if it has ended.</summary>
    public IEnumerable<PeriodKey> PeriodsToMark(PeriodKey recordPeriod, Instant now)
    {
        yield return recordPeriod;
        if (now < calendar.EndOf(recordPeriod))
        {
            yield break;
        }

        var current = calendar.PeriodOf(now);
        for (var later = recordPeriod.Next(); later <= current; later = later.Next())
        {
            yield return later;
        }
    }

    /// <summary>Marks record periods a statement could not settle in the next period, so the creator's next statement finds them.</summary>
    public async Task CarryForwardAsync(string creatorId, IEnumerable<PeriodKey> recordPeriods, PeriodKey intoPeriod, Instant now, CancellationToken ct) =>
        await InsertOnlyWriter.UpsertMergeAsync(_table, recordPeriods.Select(r => Mark(intoPeriod, creatorId, r, now)).ToList(), ct);

    /// <summary>The record periods named by a creator's marks in one period (the builder's hint of where late records are).</summary>
    public async Task<IReadOnlyList<PeriodKey>> RecordPeriodsAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        var periods = new List<PeriodKey>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()} and RowKey ge {creatorId + "|"} and RowKey lt {creatorId + "|~"}");
        await foreach (var mark in _table.QueryAsync<TableEntity>(filter, select: ["RecordPeriod"], cancellationToken: ct))
        {
            if (PeriodKey.TryParse(mark.GetString("RecordPeriod"), out var recordPeriod))
            {
                periods.Add(recordPeriod);
            }
        }

        return periods;
    }

    /// <summary>Creators with records of <paramref name="period"/> itself (reconciliation), or with any mark in it (the close).</summary>
    public async Task<IReadOnlyList<string>> CreatorsAsync(PeriodKey period, bool ownRecordsOnly, CancellationToken ct)
    {
        var creators = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var mark in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), select: ["CreatorId", "RecordPeriod"], cancellationToken: ct))
        {
            if (!ownRecordsOnly || mark.GetString("RecordPeriod") == period.ToString())
            {
                creators.Add(mark.GetString("CreatorId"));
            }
        }

        return [.. creators];
    }

    private static TableEntity Mark(PeriodKey closingPeriod, string creatorId, PeriodKey recordPeriod, Instant now) =>
        new(closingPeriod.ToString(), TableKeys.Compose(creatorId, recordPeriod.ToString()))
        {
            ["CreatorId"] = creatorId,
            ["RecordPeriod"] = recordPeriod.ToString(),
            ["LastIngestAt"] = now.ToDateTimeOffset(),
        };
}
