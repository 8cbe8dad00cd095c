using Payouts.Domain.Contracts;

namespace Payouts.Domain.Records;

/// <summary>What a deal record pays for. Event bonuses are bonus revenue; the rest are brand deals.</summary>
public enum DealType
{
    ProductPlacement,
    SponsoredLive,
    BrandChallenge,
    EventBonus,
}

public static class DealTypeExtensions
{
    public static RevenueType RevenueType(this DealType type) =>
        type == DealType.EventBonus ? Contracts.RevenueType.Bonuses : Contracts.RevenueType.Deals;

    /// <summary>The wire name used in the HTTP contract and on statements, e.g. "productPlacement".</summary>
    public static string WireName(this DealType type) => type switch
    {
        DealType.ProductPlacement => "productPlacement",
        DealType.SponsoredLive => "sponsoredLive",
        DealType.BrandChallenge => "brandChallenge",
        DealType.EventBonus => "eventBonus",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
