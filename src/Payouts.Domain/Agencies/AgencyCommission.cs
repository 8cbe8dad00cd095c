using Payouts.Domain.Monetary;

namespace Payouts.Domain.Agencies;

/// <summary>
/// An agency's commission from one creator statement (or a sum of them), as the agency earns it (positive), by revenue
/// type: gifts, deals and bonuses of the period itself, and the commission on prior-period adjustments of any type.
/// The four parts always add up to <see cref="Total"/>, which is minus the creator statement's commission lines.
/// </summary>
public sealed record AgencyCommission(Money Gifts, Money Deals, Money Bonuses, Money PriorPeriodAdjustments)
{
    public Currency Currency => Gifts.Currency;

    public Money Total => Gifts + Deals + Bonuses + PriorPeriodAdjustments;

    public static AgencyCommission Zero(Currency currency) => new(Money.Zero(currency), Money.Zero(currency), Money.Zero(currency), Money.Zero(currency));

    public static AgencyCommission operator +(AgencyCommission left, AgencyCommission right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Gifts + right.Gifts, left.Deals + right.Deals, left.Bonuses + right.Bonuses, left.PriorPeriodAdjustments + right.PriorPeriodAdjustments);
    }
}
