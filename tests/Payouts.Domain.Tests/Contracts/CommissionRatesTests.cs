using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;

namespace Payouts.Domain.Tests.Contracts;

public sealed class CommissionRatesTests
{
    private static readonly CommissionRates Nova = new(new Share(0.20m), new Share(0.15m), new Share(0.10m));

    [Theory]
    [InlineData(RevenueType.Gifts, "0.20")]
    [InlineData(RevenueType.Deals, "0.15")]
    [InlineData(RevenueType.Bonuses, "0.10")]
    public void For_RevenueType_IsThatTypesRate(RevenueType type, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Nova.For(type).Value);

    [Fact]
    public void For_UnknownType_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Nova.For((RevenueType)42));

    [Fact]
    public void None_IsZeroForEveryType() =>
        Assert.All(Enum.GetValues<RevenueType>(), t => Assert.True(CommissionRates.None.For(t).IsZero));

    [Theory]
    [InlineData(DealType.ProductPlacement, RevenueType.Deals, "productPlacement")]
    [InlineData(DealType.SponsoredLive, RevenueType.Deals, "sponsoredLive")]
    [InlineData(DealType.BrandChallenge, RevenueType.Deals, "brandChallenge")]
    [InlineData(DealType.EventBonus, RevenueType.Bonuses, "eventBonus")]
    public void DealType_MapsToRevenueTypeAndWireName(DealType type, RevenueType revenue, string wire)
    {
        Assert.Equal(revenue, type.RevenueType());
        Assert.Equal(wire, type.WireName());
    }

    [Fact]
    public void DealType_UnknownWireName_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ((DealType)42).WireName());

    [Fact]
    public void CreatorContract_MinimumInOtherCurrency_Throws() =>
        Assert.Throws<ArgumentException>(() => new CreatorContract("lea", "FR", Currency.EUR, "nova", Nova, new Money(5000, Currency.USD), Share.None));

    [Fact]
    public void CreatorContract_MinimumInPayoutCurrency_IsAccepted()
    {
        var contract = new CreatorContract("lea", "FR", Currency.EUR, "nova", Nova, new Money(5000, Currency.EUR), Share.None);
        Assert.Equal(Currency.EUR, contract.PayoutCurrency);
    }
}
