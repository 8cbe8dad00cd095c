using Payouts.Domain.Monetary;

namespace Payouts.Domain.Agencies;

/// <summary>How an agency's total commission in one currency moved from the version replaced to this one.</summary>
public sealed record AgencyTotalChange(Currency Currency, Money Before, Money After)
{
    public Money Difference => After - Before;
}
