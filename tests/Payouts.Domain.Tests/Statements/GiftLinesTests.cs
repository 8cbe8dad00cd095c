using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>Gift lines, one per rate version. Rates: 0.5 diamond/coin, 0.005 USD/diamond, USD→EUR 0.92, so 1,000 coins = 2.50 USD = 2.30 EUR.</summary>
public sealed class GiftLinesTests
{
    private static readonly RateEntry NewDiamondRate = new(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 11, 15), 0.55m, "dpc-FR-2026-11");

    [Fact]
    public void Calculate_OneGift_ValuesCoinsThroughDiamondsAndUsd()
    {
        var line = Assert.Single(Calculate([Entry(1000, 1, At(10))]).Lines, l => l.Kind == LineKind.Gifts);

        Assert.Equal(Eur(2.30m), line.Amount);
        Assert.Equal(RevenueType.Gifts, line.Revenue);
        Assert.Equal(1000, line.Coins!.Value.Value);
        Assert.Equal(500m, line.Diamonds!.Value.Value);
        Assert.Equal(2.5m, line.Usd);
        Assert.Equal(10.5m, line.GrossGiftUsd);
        Assert.Equal(8.0m, line.PlatformShareUsd);
        Assert.Equal(new LineSources(1, 1, 0), line.Sources);
        Assert.Null(line.OriginalPeriod);
        Assert.Equal("Gifts (rates from 2024-01-01)", line.Description);
    }

    [Fact]
    public void Calculate_ManySmallGifts_RoundsOncePerLineNotPerRecord()
    {
        // 3 × 3 coins: per record 0.0069 EUR would round to 0.01 each (0.03); the line is 9 coins = 0.0207 EUR = 0.02.
        var statement = Calculate([Entry(3, 1, At(2)), Entry(3, 1, At(3)), Entry(3, 1, At(4))]);
        Assert.Equal(Eur(0.02m), statement.Lines[0].Amount);
    }

    [Fact]
    public void Calculate_RateChangeMidPeriod_OneLinePerRateVersion()
    {
        var statement = Calculate([Entry(1000, 1, At(20)), Entry(1000, 1, At(10))], rates: RatesWith(NewDiamondRate));
        var gifts = statement.Lines.Where(l => l.Kind == LineKind.Gifts).ToList();

        Assert.Equal(2, gifts.Count);
        Assert.Equal((Eur(2.30m), "Gifts (rates from 2024-01-01)"), (gifts[0].Amount, gifts[0].Description));
        Assert.Equal((Eur(2.53m), "Gifts (rates from 2026-11-15)"), (gifts[1].Amount, gifts[1].Description)); // 550 diamonds → 2.75 USD
        Assert.Contains(gifts[0].Rates, r => r.VersionId == "dpc-FR-2024");
        Assert.Contains(gifts[1].Rates, r => r.VersionId == "dpc-FR-2026-11");
    }

    [Theory]
    [InlineData(22, 59, "2.30")] // 23:59 on 14 November in Paris: old rate
    [InlineData(23, 0, "2.53")] // 00:00 on 15 November in Paris: new rate
    public void Calculate_GiftAtRateStart_UsesLocalMidnight(int utcHour, int utcMinute, string expectedEur)
    {
        var statement = Calculate([Entry(1000, 1, Instant.FromUtc(2026, 11, 14, utcHour, utcMinute))], rates: RatesWith(NewDiamondRate));
        Assert.Equal(expectedEur, statement.Lines[0].Amount.ToAmountString());
    }

    [Fact]
    public void Calculate_RefundOfKnownGift_IsValuedAtTheGiftsRates()
    {
        var original = Gift("g-1", 1000, 2, At(10));
        var refund = Gift("r-1", 1000, 1, At(20), GiftKind.Refund, "g-1");
        var statement = Calculate([GiftEntry.From(original, Paris), GiftEntry.ForRefund(refund, original, Paris)], rates: RatesWith(NewDiamondRate));

        var line = Assert.Single(statement.Lines, l => l.Kind == LineKind.Gifts);
        Assert.Equal(Eur(2.30m), line.Amount);
        Assert.Equal(1000, line.Coins!.Value.Value);
        Assert.Equal(new LineSources(2, 3, 1), line.Sources);
    }

    [Fact]
    public void Calculate_RefundOfUnknownGift_IsValuedAtItsOwnDate()
    {
        var original = Gift("g-1", 1000, 2, At(10));
        var refund = Gift("r-1", 1000, 1, At(20), GiftKind.Refund, "g-unknown");
        var statement = Calculate([GiftEntry.From(original, Paris), GiftEntry.ForRefund(refund, null, Paris)], rates: RatesWith(NewDiamondRate));

        Assert.Equal([Eur(4.60m), Eur(-2.53m)], statement.Lines.Where(l => l.Kind == LineKind.Gifts).Select(l => l.Amount));
    }

    [Fact]
    public void Calculate_Streak_CountsEveryGiftOfTheFinalEventOnce()
    {
        var line = Calculate([Entry(1, 35, At(10))]).Lines[0];
        Assert.Equal(35, line.Coins!.Value.Value);
        Assert.Equal(new LineSources(1, 35, 0), line.Sources);
    }

    [Fact]
    public void Calculate_GiftSummary_AddsUpAllGiftLines()
    {
        var summary = Calculate([Entry(1000, 1, At(10)), Entry(1000, 1, At(20))], rates: RatesWith(NewDiamondRate)).Gifts!;

        Assert.Equal(2000, summary.Coins.Value);
        Assert.Equal(1050m, summary.Diamonds.Value);
        Assert.Equal(5.25m, summary.Usd);
        Assert.Equal(21.0m, summary.GrossGiftUsd);
        Assert.Equal(15.75m, summary.PlatformShareUsd);
    }

    [Fact]
    public void Calculate_NoGifts_HasNoGiftLinesAndNoSummary()
    {
        var statement = Calculate(deals: [DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(100m, Currency.EUR), At(5)))]);
        Assert.DoesNotContain(statement.Lines, l => l.Kind == LineKind.Gifts);
        Assert.Null(statement.Gifts);
    }

    [Fact]
    public void Calculate_GiftOfALaterPeriod_Throws() =>
        Assert.Throws<ArgumentException>(() => Calculate([Entry(1, 1, Instant.FromUtc(2026, 12, 5, 12, 0))]));
}
