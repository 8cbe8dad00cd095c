using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>
/// A year's sums in one currency over its counted statements. <see cref="BroughtForward"/> is what the year's first
/// statement brought in, <see cref="CarriedForward"/> what its last carried out, so for an unbroken chain
/// <c>BroughtForward + Net = Payable + CarriedForward</c>.
/// </summary>
public sealed record YearTotals(
    Money Gifts,
    Money Deals,
    Money Bonuses,
    Money Adjustments,
    Money AgencyCommission,
    Money Withholding,
    Money Net,
    Money Payable,
    Money BroughtForward,
    Money CarriedForward)
{
    public Money Gross => Gifts + Deals + Bonuses + Adjustments;
}
