using Payouts.Application.Statements;
using Payouts.Domain.Periods;

namespace Payouts.Application.Periods;

/// <summary>
/// Whether a closed period's creator statements are settled: every creator its close visits has an outcome that
/// will not change by itself. An issued or blocked statement (the period's index says), a later statement that counts
/// the creator's records (its balance names a later period), or nothing to state (no record waiting, no balance).
/// A creator whose job is still queued or busy has records or a balance waiting: not settled yet.
/// </summary>
public sealed class PeriodSettlement(IActivityIndex activity, IStatementRepository statements, IStatementInputs inputs)
{
    public async Task<bool> IsSettledAsync(PeriodKey period, CancellationToken ct)
    {
        var outcomes = (await statements.ListByPeriodAsync(period, ct)).Select(e => e.CreatorId).ToHashSet(StringComparer.Ordinal);
        foreach (var creatorId in await PeriodVisits.CreatorsAsync(activity, statements, period, ct))
        {
            if (outcomes.Contains(creatorId))
            {
                continue;
            }

            var balance = await statements.GetBalanceAsync(creatorId, ct);
            if (balance.LastPeriod is { } last && last >= period)
            {
                continue;
            }

            if (balance.CarriedForward is { IsZero: false } || (await inputs.ReadAsync(creatorId, period, balance.LastPeriod, ct)).Count > 0)
            {
                return false;
            }
        }

        return true;
    }
}
