namespace Payouts.Domain.Contracts;

/// <summary>The agency's commission per revenue type, as agreed in the creator's contract.</summary>
public sealed record CommissionRates(Share Gifts, Share Deals, Share Bonuses)
{
    public static CommissionRates None { get; } = new(Share.None, Share.None, Share.None);

    public Share For(RevenueType type) => type switch
    {
        RevenueType.Gifts => Gifts,
        RevenueType.Deals => Deals,
        RevenueType.Bonuses => Bonuses,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
