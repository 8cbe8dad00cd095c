namespace Payouts.Domain.Contracts;

/// <summary>The three kinds of income a contract sets an agency commission for.</summary>
public enum RevenueType
{
    Gifts,
    Deals,
    Bonuses,
}
