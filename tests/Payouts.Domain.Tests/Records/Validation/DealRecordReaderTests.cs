using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

public sealed class DealRecordReaderTests
{
    [Fact]
    public void Read_ValidDeal_MapsEveryField()
    {
        var result = ReadDeal(Deal);

        Assert.True(result.IsValid, result.Errors.ToString());
        var deal = result.Record!;
        Assert.Equal("tiklive", deal.PartnerId);
        Assert.Equal("d-1", deal.RecordId);
        Assert.Equal("lea", deal.CreatorId);
        Assert.Equal(DealType.ProductPlacement, deal.Type);
        Assert.Equal(RevenueType.Deals, deal.RevenueType);
        Assert.Equal("Acme", deal.Brand);
        Assert.Equal(1250.00m, deal.Amount.Value);
        Assert.Equal(Currency.EUR, deal.Amount.Currency);
        Assert.Equal(Instant.FromUtc(2026, 11, 15, 10, 0), deal.EarnedAt);
        Assert.Equal("camp-7", deal.Reference);
        Assert.Equal(new Share(0.15m), deal.AgencyCommissionRate);
    }

    [Theory]
    [InlineData("productPlacement", DealType.ProductPlacement)]
    [InlineData("sponsoredLive", DealType.SponsoredLive)]
    [InlineData("brandChallenge", DealType.BrandChallenge)]
    [InlineData("eventBonus", DealType.EventBonus)]
    public void Read_EveryDealType_IsRead(string wire, DealType expected) =>
        Assert.Equal(expected, ReadDeal(With(Deal, "type", Quoted(wire))).Record!.Type);

    [Fact]
    public void Read_DiamondBonus_IsAnAmountInDiamonds()
    {
        var bonus = ReadDeal(Bonus).Record!;

        Assert.Equal(DealType.EventBonus, bonus.Type);
        Assert.Equal(RevenueType.Bonuses, bonus.RevenueType);
        Assert.True(bonus.Amount.IsDiamonds);
        Assert.Null(bonus.Amount.Currency);
        Assert.Equal("DIAMOND", bonus.Amount.Unit);
        Assert.Equal(2000m, bonus.Amount.Value);
        Assert.Null(bonus.Brand);
    }

    [Fact]
    public void Read_MoneyBonus_IsAccepted()
    {
        var bonus = ReadDeal(With(With(Bonus, "currency", "\"USD\""), "amount", "\"25.50\"")).Record!;
        Assert.Equal(Currency.USD, bonus.Amount.Currency);
        Assert.Equal(25.50m, bonus.Amount.Value);
    }

    [Fact]
    public void Read_BonusWithBrand_KeepsTheBrand() => Assert.Equal("Acme", ReadDeal(With(Bonus, "brand", "\"Acme\"")).Record!.Brand);

    [Fact]
    public void Read_NegativeAmount_IsAReversal() => Assert.Equal(-250m, ReadDeal(With(Deal, "amount", "\"-250.00\"")).Record!.Amount.Value);

    [Fact]
    public void Read_OptionalFieldsAbsent_AreNull()
    {
        var deal = ReadDeal(Without(Deal, "reference", "agencyCommissionRate")).Record!;
        Assert.Null(deal.Reference);
        Assert.Null(deal.AgencyCommissionRate);
    }

    [Theory]
    [InlineData("\"0\"", "0")]
    [InlineData("\"1\"", "1")]
    [InlineData("\"0.125\"", "0.125")]
    public void Read_CommissionOverride_IsAShare(string raw, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReadDeal(With(Deal, "agencyCommissionRate", raw)).Record!.AgencyCommissionRate!.Value.Value);

    [Fact]
    public void Read_InvalidDeal_EchoesRecordId() => Assert.Equal("d-1", ReadDeal(With(Deal, "amount", "\"0\"")).RecordId);
}
