using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>
/// A void of a record an earlier statement counted: one line of its own (kind Void), naming the record and its period,
/// the record's value negated at the record's own rates (FX of the statement's period), rounded once. Rates: 0.5
/// diamond/coin, 0.005 USD/diamond, USD→EUR 0.92, so 2,000 coins = 5.00 USD = 4.60 EUR.
/// </summary>
public sealed class VoidLinesTests
{
    private static readonly Instant InOctober = Instant.FromUtc(2026, 10, 20, 20, 0);

    private static GiftEntry VoidOf(GiftRecord gift, int quantity) => GiftEntry.ForVoid(new GiftVoid(gift, quantity), Paris);

    private static StatementLine OnlyVoid(Statement statement) => Assert.Single(statement.Lines, l => l.Kind == LineKind.Void);

    [Fact]
    public void Calculate_VoidOfAGift_IsALineOfItsOwnNamingTheRecordAndItsPeriod()
    {
        var gift = Gift("g-october", 1000, 2, InOctober, giftId: "galaxy");

        var line = OnlyVoid(Calculate([VoidOf(gift, 2)]));

        Assert.Equal(Eur(-4.60m), line.Amount);
        Assert.Equal(RevenueType.Gifts, line.Revenue);
        Assert.Equal(October, line.OriginalPeriod);
        Assert.Equal(("tiklive", "g-october"), (line.PartnerId, line.RecordId));
        Assert.Equal(-2000, line.Coins!.Value.Value);
        Assert.Equal(-1000m, line.Diamonds!.Value.Value);
        Assert.Equal(-5m, line.Usd);
        Assert.Equal(-21m, line.GrossGiftUsd);
        Assert.Equal(-16m, line.PlatformShareUsd);
        Assert.Equal(new LineSources(1, 2, 0), line.Sources);
        Assert.Equal("Reversal of voided gift g-october from 2026-10: 2 × galaxy (rates from 2024-01-01)", line.Description);
        Assert.True(line.IsRevenue);
        Assert.True(line.IsAdjustment);
    }

    [Fact]
    public void Calculate_VoidOfAGift_TakesBackOnlyItsQuantity()
    {
        // 3 sent, 1 refunded before the void: the void takes back 2.
        var line = OnlyVoid(Calculate([VoidOf(Gift("g", 1000, 3, InOctober), 2)]));

        Assert.Equal(Eur(-4.60m), line.Amount);
        Assert.Equal(-2000, line.Coins!.Value.Value);
    }

    [Fact]
    public void Calculate_VoidOfAGift_IsValuedAtTheGiftsRatesNotTheStatementsPeriod()
    {
        // diamondsPerCoin becomes 0.55 after the gift: at the new rate the void would be −5.06.
        var rates = RatesWith(new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 10, 25), 0.55m, "dpc-FR-2026-10-25"));

        var line = OnlyVoid(Calculate([VoidOf(Gift("g", 1000, 2, InOctober), 2)], rates: rates));

        Assert.Equal(Eur(-4.60m), line.Amount);
        Assert.Contains(line.Rates, r => r.VersionId == "dpc-FR-2024");
        Assert.Contains(line.Rates, r => r.VersionId == "fx-USD-EUR-2026-11-30");
    }

    [Fact]
    public void Calculate_VoidOfAGift_IsRoundedOnceOnItsOwnLine()
    {
        // 3 coins = 0.0069 EUR: its own line rounds to −0.01, not folded into the October adjustment's 9 coins (0.02).
        var late = Entry(3, 3, InOctober);
        var statement = Calculate([late, VoidOf(Gift("g-small", 3, 1, InOctober), 1)]);

        var adjustment = Assert.Single(statement.Lines, l => l.Kind == LineKind.Gifts);
        Assert.Equal((Eur(0.02m), October), (adjustment.Amount, adjustment.OriginalPeriod));
        Assert.Equal(Eur(-0.01m), OnlyVoid(statement).Amount);
        Assert.Equal(Eur(0.01m), statement.Totals!.Gifts);
    }

    [Fact]
    public void Calculate_TwoVoids_AreTwoLinesAfterTheOtherAdjustments_InPeriodThenRecordOrder()
    {
        var statement = Calculate(
        [
            VoidOf(Gift("g-b", 10, 1, InOctober), 1),
            VoidOf(Gift("g-a", 10, 1, InOctober), 1),
            Entry(10, 1, At(5)),
            Entry(10, 1, InOctober),
        ]);

        Assert.Equal(
            [(LineKind.Gifts, null), (LineKind.Gifts, "2026-10"), (LineKind.Void, "2026-10"), (LineKind.Void, "2026-10")],
            statement.Lines.Where(l => l.IsRevenue).Select(l => (l.Kind, l.OriginalPeriod?.ToString())));
        Assert.Equal(["g-a", "g-b"], statement.Lines.Where(l => l.Kind == LineKind.Void).Select(l => l.RecordId));
    }

    [Fact]
    public void Calculate_VoidOfAGiftOfThePeriodItself_StillNamesItsPeriodAndIsNoEarningsOfADay()
    {
        var statement = Calculate([Entry(1000, 1, At(5)), VoidOf(Gift("g-void", 1000, 1, At(6), liveId: "live-6", giftId: "lion"), 1)]);

        var line = OnlyVoid(statement);
        Assert.Equal(November, line.OriginalPeriod);
        Assert.Equal(Eur(2.30m), Assert.Single(statement.Lines, l => l.Kind == LineKind.Gifts).Amount);
        Assert.Equal(Eur(2.30m), statement.Earnings!.Days.Single(d => d.Date == new LocalDate(2026, 11, 5)).Gifts);
        Assert.Equal(Money.Zero(Currency.EUR), statement.Earnings.Days.Single(d => d.Date == new LocalDate(2026, 11, 6)).Gifts);
        Assert.DoesNotContain(statement.Earnings.Lives, l => l.LiveId == "live-6");
        Assert.DoesNotContain(statement.Earnings.TopGifts, g => g.GiftId == "lion");
    }

    [Fact]
    public void Calculate_VoidOfAGift_GivesTheAgencysShareBack()
    {
        // 2.30 this period − 4.60 voided = −2.30; the agency's 20 % of it is +0.46.
        var statement = Calculate([Entry(1000, 1, At(5)), VoidOf(Gift("g", 1000, 2, InOctober), 2)]);

        var commission = Assert.Single(statement.Lines, l => l.Kind == LineKind.AgencyCommission);
        Assert.Equal((Eur(-2.30m), Eur(0.46m)), (commission.Base!.Value, commission.Amount));
        Assert.Equal(Eur(-2.30m), statement.Totals!.Gifts);
        Assert.Equal(Eur(-1.84m), statement.Totals.Net);
    }

    [Fact]
    public void Calculate_VoidOfAGiftWithoutARateOnItsDate_BlocksNamingTheVoidedRecord()
    {
        var rates = new RateBook(Builders.Rates().Entries.Where(e => e.Kind != RateKind.DiamondsPerCoin)
            .Append(new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 11, 1), 0.5m, "dpc-FR-2026-11")));

        var statement = Calculate([Entry(1000, 1, At(5)), VoidOf(Gift("g-old", 1000, 1, InOctober), 1)], rates: rates);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        var block = Assert.Single(statement.Blocks);
        Assert.Equal(BlockCodes.MissingRate, block.Code);
        Assert.Equal(["g-old"], block.RecordIds);
        Assert.StartsWith("the void of gift g-old (2026-10) cannot be valued", block.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_VoidOfADeal_ReversesItsAmountOnALineNamingTheRecord()
    {
        var deal = Deal("d-oct", DealType.ProductPlacement, DealAmount.Of(500.00m, Currency.EUR), InOctober);

        var statement = Calculate(deals: [DealEntry.ForVoid(deal, Paris)]);

        var line = OnlyVoid(statement);
        Assert.Equal(Eur(-500m), line.Amount);
        Assert.Equal(RevenueType.Deals, line.Revenue);
        Assert.Equal(October, line.OriginalPeriod);
        Assert.Equal(("brandhub", "d-oct"), (line.PartnerId, line.RecordId));
        Assert.Equal(DealAmount.Of(500m, Currency.EUR), line.SourceAmount);
        Assert.Equal("Reversal of voided deal d-oct from 2026-10: productPlacement, Acme (ref-d-oct)", line.Description);
        Assert.Equal(new LineSources(1, 0, 0), line.Sources);
        Assert.Equal(Eur(75m), Assert.Single(statement.Lines, l => l.Kind == LineKind.AgencyCommission).Amount);
        Assert.Equal(Eur(-425m), statement.Totals!.Net);
    }

    [Fact]
    public void Calculate_VoidOfADiamondBonus_IsNegativeDiamondsAtTheBonusDatesValue()
    {
        var bonus = Deal("b-oct", DealType.EventBonus, DealAmount.OfDiamonds(2000m), InOctober);

        var line = OnlyVoid(Calculate(deals: [DealEntry.ForVoid(bonus, Paris)]));

        // 2,000 diamonds × 0.005 = 10.00 USD × 0.92 (November's FX) = 9.20 EUR, reversed.
        Assert.Equal((Eur(-9.20m), RevenueType.Bonuses), (line.Amount, line.Revenue));
        Assert.Equal(-2000m, line.Diamonds!.Value.Value);
        Assert.Equal(-10m, line.Usd);
        Assert.Equal("Reversal of voided bonus b-oct from 2026-10: eventBonus (ref-b-oct)", line.Description);
    }

    [Fact]
    public void Calculate_VoidOfADealWithItsOwnRate_GivesBackTheCommissionAtThatRate()
    {
        var deal = Deal("d-own", DealType.SponsoredLive, DealAmount.Of(100m, Currency.EUR), InOctober, commission: new Share(0.30m));

        var statement = Calculate(deals: [DealEntry.ForVoid(deal, Paris)]);

        Assert.Equal(new Share(0.30m), OnlyVoid(statement).AgencyCommissionOverride);
        var commission = Assert.Single(statement.Lines, l => l.Kind == LineKind.AgencyCommission);
        Assert.Equal((new Share(0.30m), Eur(30m)), (commission.Rate!.Value, commission.Amount));
    }

    [Fact]
    public void Calculate_VoidOfADealOfThePeriodItself_IsAVoidLineNotADayOfEarnings()
    {
        var deal = Deal("d-nov", DealType.ProductPlacement, DealAmount.Of(80m, Currency.EUR), At(8));

        var statement = Calculate(deals: [DealOf(Deal("d-keep", DealType.ProductPlacement, DealAmount.Of(20m, Currency.EUR), At(8))), DealEntry.ForVoid(deal, Paris)]);

        Assert.Equal([LineKind.Deal, LineKind.Void], statement.Lines.Where(l => l.IsRevenue).Select(l => l.Kind));
        Assert.Equal(November, OnlyVoid(statement).OriginalPeriod);
        Assert.Equal(Eur(20m), statement.Earnings!.Days.Single(d => d.Date == new LocalDate(2026, 11, 8)).Deals);
    }

    [Fact]
    public void Calculate_VoidOfALaterPeriod_CannotCountInThisStatement()
    {
        var december = Instant.FromUtc(2026, 12, 5, 12, 0);

        Assert.Throws<ArgumentException>(() => Calculate([VoidOf(Gift("g-dec", 1, 1, december), 1)]));
        Assert.Throws<ArgumentException>(() => Calculate(deals: [DealEntry.ForVoid(Deal("d-dec", DealType.ProductPlacement, DealAmount.Of(1m, Currency.EUR), december), Paris)]));
    }
}
