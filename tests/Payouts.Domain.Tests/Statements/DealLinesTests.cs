using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>Deal lines: round(amount × fx(deal currency → EUR)), one per deal; FX USD→EUR 0.92 for November 2026.</summary>
public sealed class DealLinesTests
{
    private static StatementLine OnlyRevenueLine(Statement statement) => Assert.Single(statement.Lines, l => l.IsRevenue);

    private static Statement CalculateDeal(DealRecord deal, RateBook? rates = null) => Calculate(deals: [DealOf(deal)], rates: rates);

    [Fact]
    public void Calculate_EuroDeal_IsItsAmountWithIdentityRate()
    {
        var line = OnlyRevenueLine(CalculateDeal(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(500.00m, Currency.EUR), At(15))));

        Assert.Equal(Eur(500m), line.Amount);
        Assert.Equal(LineKind.Deal, line.Kind);
        Assert.Equal(RevenueType.Deals, line.Revenue);
        Assert.Equal("Deal: productPlacement, Acme (ref-d-1)", line.Description);
        Assert.Equal(("brandhub", "d-1", "Acme", "ref-d-1"), (line.PartnerId, line.RecordId, line.Brand, line.Reference));
        Assert.Equal(DealAmount.Of(500m, Currency.EUR), line.SourceAmount);
        Assert.Equal([new AppliedRate("fx EUR→EUR", RateBook.IdentityFxVersion, 1m)], line.Rates);
        Assert.Equal(new LineSources(1, 0, 0), line.Sources);
    }

    [Fact]
    public void Calculate_UsdDeal_IsConvertedAtThePeriodRate()
    {
        var line = OnlyRevenueLine(CalculateDeal(Deal("d-1", DealType.SponsoredLive, DealAmount.Of(1000m, Currency.USD), At(15))));

        Assert.Equal(Eur(920m), line.Amount);
        Assert.Equal([new AppliedRate("fx USD→EUR", "fx-USD-EUR-2026-11-30", 0.92m) { From = new NodaTime.LocalDate(2026, 11, 30) }], line.Rates);
    }

    [Fact]
    public void Calculate_UsdReversalAtMidpoint_RoundsAwayFromZero() =>
        Assert.Equal(Eur(-0.58m), OnlyRevenueLine(CalculateDeal(Deal("d-1", DealType.BrandChallenge, DealAmount.Of(-0.625m, Currency.USD), At(15)))).Amount);

    [Fact]
    public void Calculate_GbpDealWithRate_IsConverted() =>
        Assert.Equal(
            Eur(115m),
            OnlyRevenueLine(CalculateDeal(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(100m, Currency.FromCode("GBP")), At(15)), RatesWith(Fx("GBP/EUR", 2026, 11, 1, 1.15m)))).Amount);

    [Fact]
    public void Calculate_GbpDealWithoutRate_IsBlocked()
    {
        var statement = CalculateDeal(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(100m, Currency.FromCode("GBP")), At(15)));

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.Contains("GBP/EUR", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DealType.ProductPlacement, LineKind.Deal, RevenueType.Deals)]
    [InlineData(DealType.SponsoredLive, LineKind.Deal, RevenueType.Deals)]
    [InlineData(DealType.BrandChallenge, LineKind.Deal, RevenueType.Deals)]
    [InlineData(DealType.EventBonus, LineKind.Bonus, RevenueType.Bonuses)]
    public void Calculate_DealType_DecidesLineKindAndRevenue(DealType type, LineKind kind, RevenueType revenue)
    {
        var line = OnlyRevenueLine(CalculateDeal(Deal("d-1", type, DealAmount.Of(10m, Currency.EUR), At(15))));
        Assert.Equal((kind, revenue), (line.Kind, line.Revenue));
        Assert.Contains(type.WireName(), line.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_DiamondBonus_IsDiamondsTimesUsdPerDiamondTimesFx()
    {
        var line = OnlyRevenueLine(CalculateDeal(Deal("b-1", DealType.EventBonus, DealAmount.OfDiamonds(2000m), At(20))));

        Assert.Equal(Eur(9.20m), line.Amount);
        Assert.Equal(2000m, line.Diamonds!.Value.Value);
        Assert.Equal(10m, line.Usd);
        Assert.Equal(["usdPerDiamond:upd-FR-2024", "fx USD→EUR:fx-USD-EUR-2026-11-30"], line.Rates.Select(r => $"{r.Name}:{r.VersionId}"));
        Assert.Equal("Bonus: eventBonus (ref-b-1)", line.Description);
    }

    [Theory]
    [InlineData(19, "9.20")] // 2000 × 0.005 × 0.92
    [InlineData(21, "11.04")] // 2000 × 0.006 × 0.92
    public void Calculate_DiamondBonus_UsesUsdPerDiamondOfItsDate(int day, string expected)
    {
        var rates = RatesWith(new RateEntry(RateKind.UsdPerDiamond, "FR", new LocalDate(2026, 11, 20), 0.006m, "upd-FR-2026-11"));
        var line = OnlyRevenueLine(CalculateDeal(Deal("b-1", DealType.EventBonus, DealAmount.OfDiamonds(2000m), At(day)), rates));
        Assert.Equal(expected, line.Amount.ToAmountString());
    }

    [Fact]
    public void Calculate_DiamondBonusWithoutUsdPerDiamond_IsBlocked()
    {
        var statement = Calculate(
            deals: [DealOf(Deal("b-1", DealType.EventBonus, DealAmount.OfDiamonds(2000m), At(20)))],
            contract: Contract(region: "DE"));

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.StartsWith("bonus b-1 cannot be valued", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_PriorPeriodDeal_IsAnAdjustmentAtTheCurrentFx()
    {
        var line = OnlyRevenueLine(CalculateDeal(Deal("d-9", DealType.ProductPlacement, DealAmount.Of(100m, Currency.USD), Instant.FromUtc(2026, 10, 20, 12, 0))));

        Assert.Equal(Builders.October, line.OriginalPeriod);
        Assert.True(line.IsAdjustment);
        Assert.StartsWith("Prior-period adjustment 2026-10: Deal: productPlacement", line.Description, StringComparison.Ordinal);
        Assert.Equal(Eur(92m), line.Amount); // the current period's 0.92, not October's 0.90
    }

    [Fact]
    public void Calculate_DealOfALaterPeriod_Throws() =>
        Assert.Throws<ArgumentException>(() => CalculateDeal(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(1m, Currency.EUR), Instant.FromUtc(2026, 12, 1, 12, 0))));

    [Fact]
    public void Calculate_DealWithoutReference_HasNoParentheses()
    {
        var deal = Deal("d-1", DealType.ProductPlacement, DealAmount.Of(1m, Currency.EUR), At(15)) with { Reference = null };
        Assert.Equal("Deal: productPlacement, Acme", OnlyRevenueLine(CalculateDeal(deal)).Description);
    }
}
