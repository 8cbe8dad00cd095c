using Payouts.Application.Settlement;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Settlement;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Statements;

/// <summary>
/// Counts a period's records against the statements that counted them, from point reads only: per creator with
/// records of the period, the partition's sequence (how many are stored), its settlement entry (how many any statement
/// counted) and the creator's statement for the period (which of those it counted itself).
/// </summary>
public sealed class PeriodReconciliation(ActivityIndex activity, SettlementLedger settlements, StatementStore statements, CreatorTables tables, WaitingRefunds waiting)
{
    public async Task<RecordReconciliation> CountAsync(PeriodKey period, CancellationToken ct)
    {
        long stored = 0, here = 0, later = 0;
        foreach (var creatorId in await activity.CreatorsAsync(period, ownRecordsOnly: true, ct))
        {
            var own = await statements.GetHeaderAsync(new StatementId(creatorId, period, 1), ct);
            foreach (var kind in new[] { RecordKind.Gift, RecordKind.Deal })
            {
                var partition = TableKeys.Compose(creatorId, period.ToString());
                var (count, _) = await RecordSequence.ReadAsync(tables.Records(creatorId, SettlementLedger.TableOf(kind)), partition, ct);
                var settled = (await settlements.GetAsync(creatorId, kind, period, ct))?.SettledSeq ?? 0;
                var countedHere = CountedBy(own, kind, period);
                stored += count;
                here += countedHere;
                later += settled - countedHere;
            }
        }

        var (waitingCount, waitingFirst) = await waiting.ListAsync(period, RecordReconciliation.MaxWaitingListed, ct);
        return new RecordReconciliation(stored, here, later) { WaitingForTheirGift = waitingCount, Waiting = waitingFirst };
    }

    /// <summary>How many rows of the (kind, period) partition a statement counted, from the ranges its header names.</summary>
    private static long CountedBy(StatementHeader? header, RecordKind kind, PeriodKey period) =>
        header?.Settled.Select(SettledRange.TryParse).Where(r => r is not null && r.Kind == kind && r.RecordPeriod == period).Sum(r => r!.Count) ?? 0;
}
