using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>
/// The sums of a statement, each a sum of rounded lines, so they add up exactly:
/// Σ lines = <see cref="Net"/>; <see cref="BroughtForward"/> + <see cref="Net"/> = <see cref="Balance"/> = <see cref="Payable"/> + <see cref="CarriedForward"/>.
/// </summary>
public sealed record StatementTotals(
    Money Gifts,
    Money Deals,
    Money Bonuses,
    Money AgencyCommission,
    Money Withholding,
    Money Net,
    Money BroughtForward,
    Money Balance,
    Money MinimumPayout,
    Money Payable,
    Money CarriedForward)
{
    public Money Gross => Gifts + Deals + Bonuses;

    public Money RevenueOf(RevenueType type) => type switch
    {
        RevenueType.Gifts => Gifts,
        RevenueType.Deals => Deals,
        RevenueType.Bonuses => Bonuses,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
