using Payouts.Application.Statements;
using Payouts.Domain.Periods;

namespace Payouts.Application.Periods;

/// <summary>
/// The creators a period's close visits: everyone with a mark in the period (records counted by it, late records of
/// earlier periods included) and everyone whose statement for the previous period carried a balance.
/// </summary>
internal static class PeriodVisits
{
    public static async Task<IReadOnlyList<string>> CreatorsAsync(IActivityIndex activity, IStatementRepository statements, PeriodKey period, CancellationToken ct)
    {
        var creators = new SortedSet<string>(await activity.CreatorsAsync(period, ownRecordsOnly: false, ct), StringComparer.Ordinal);
        if (period.PreviousOrNone() is not { } before)
        {
            return creators.ToList();
        }

        foreach (var previous in await statements.ListByPeriodAsync(before, ct))
        {
            if (previous.CarriedForwardMinor != 0)
            {
                creators.Add(previous.CreatorId);
            }
        }

        return creators.ToList();
    }
}
