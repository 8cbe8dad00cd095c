using Azure.Data.Tables;
using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Tells a period close which creators to visit and which record partitions to read, without scanning history.
/// Row: PartitionKey = the period being closed, RowKey = "{creatorId}|{record period}". A record is marked in its own
/// period; a record that arrives after its period ended is also marked in the period running now, so if its own
/// period's statement was already built, the next statement finds it (as a prior-period adjustment). Marks are
/// written before the record, so no stored record is ever without one.
/// </summary>
internal sealed class ActivityIndex(TableClient table, PeriodCalendar calendar)
{
    public async Task MarkAsync(IEnumerable<(string CreatorId, PeriodKey Period)> creatorPeriods, Instant now, CancellationToken ct)
    {
        var current = calendar.PeriodOf(now);
        var marks = new List<TableEntity>();
        foreach (var (creatorId, period) in creatorPeriods.Distinct())
        {
            marks.Add(Mark(period, creatorId, period, now));
            if (now >= calendar.EndOf(period) && current != period)
            {
                marks.Add(Mark(current, creatorId, period, now));
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(
            marks.GroupBy(m => m.PartitionKey, StringComparer.Ordinal),
            options,
            async (group, token) => await InsertOnlyWriter.UpsertMergeAsync(table, group.ToList(), token));
    }

    private static TableEntity Mark(PeriodKey closingPeriod, string creatorId, PeriodKey recordPeriod, Instant now) =>
        new(closingPeriod.ToString(), TableKeys.Compose(creatorId, recordPeriod.ToString()))
        {
            ["CreatorId"] = creatorId,
            ["RecordPeriod"] = recordPeriod.ToString(),
            ["LastIngestAt"] = now.ToDateTimeOffset(),
        };
}
