using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Earnings;

/// <summary>A row per LIVE and the top gifts: split from the gift lines to the cent, counted net of refunds.</summary>
public sealed class EarningsBreakdownLivesTests
{
    private static GiftEntry Sent(string id, int coins, int quantity, Instant at, string? live, string gift = "rose") =>
        GiftEntry.From(Gift(id, coins, quantity, at, liveId: live, giftId: gift), Paris);

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(Currency.EUR), (sum, m) => sum + m);

    [Fact]
    public void Lives_WorkedExample_OneRowPerLiveWithItsShareOfTheGiftLine()
    {
        var lives = StatementCalculator.Calculate(WorkedExample()).Earnings!.Lives;

        Assert.Equal(["live-03", "live-10", "live-12"], lives.Select(l => l.LiveId));
        Assert.Equal([Eur(0.69m), Eur(2.30m), Eur(69.00m)], lives.Select(l => l.Amount));
        Assert.Equal([300L, 1L, 1L], lives.Select(l => l.Gifts));
        Assert.Equal([300L, 1000L, 29_999L], lives.Select(l => l.Coins.Value));
        Assert.Equal([3, 10, 12], lives.Select(l => l.FirstDay.Day));
    }

    [Fact]
    public void Lives_GiftsOutsideALive_AreOneRowAfterTheLives()
    {
        var statement = Calculate([Sent("a", 1000, 1, At(20), null), Sent("b", 1000, 1, At(25), "live-25"), Sent("c", 500, 1, At(2), null)]);

        var lives = statement.Earnings!.Lives;

        Assert.Equal(["live-25", null], lives.Select(l => l.LiveId));
        Assert.Equal(1500, lives[1].Coins.Value);
        Assert.Equal(2, lives[1].Gifts);
        Assert.Equal(new LocalDate(2026, 11, 2), lives[1].FirstDay);
    }

    [Fact]
    public void Lives_AreOrderedByFirstDayThenId_AndALiveAcrossMidnightStartsOnItsFirstDay()
    {
        var statement = Calculate([
            Sent("late", 10, 1, Instant.FromUtc(2026, 11, 5, 23, 30), "live-b"),
            Sent("early", 10, 1, Instant.FromUtc(2026, 11, 5, 21, 0), "live-b"),
            Sent("other", 10, 1, At(5), "live-a"),
            Sent("first", 10, 1, At(4), "live-z")]);

        var lives = statement.Earnings!.Lives;

        Assert.Equal(["live-z", "live-a", "live-b"], lives.Select(l => l.LiveId));
        Assert.Equal(new LocalDate(2026, 11, 5), lives[2].FirstDay);
    }

    [Fact]
    public void Lives_AddUpToTheGiftLinesOfThePeriod_AndLeaveOutPriorPeriodGifts()
    {
        var statement = StatementCalculator.Calculate(Golden.GoldenStatements.RichRequest());
        var currentGifts = Sum(statement.Lines.Where(l => l.Kind == LineKind.Gifts && !l.IsAdjustment).Select(l => l.Amount));

        Assert.Equal(currentGifts, Sum(statement.Earnings!.Lives.Select(l => l.Amount)));
        Assert.DoesNotContain(statement.Earnings.Lives, l => l.LiveId == "live-1030");
    }

    [Fact]
    public void Lives_ARefund_TakesBackFromItsGiftsLive()
    {
        var gift = Gift("g", 1000, 3, At(5), liveId: "live-5");
        var refund = Gift("r", 1000, 1, At(9), GiftKind.Refund, "g", liveId: null);
        var live = Assert.Single(Calculate([GiftEntry.From(gift, Paris), GiftEntry.ForRefund(refund, gift, Paris)]).Earnings!.Lives);

        Assert.Equal("live-5", live.LiveId);
        Assert.Equal(2, live.Gifts);
        Assert.Equal(2000, live.Coins.Value);
        Assert.Equal(Eur(4.60m), live.Amount);
    }

    [Fact]
    public void Lives_ARefundOfAnUnknownGift_CountsInItsOwnLive()
    {
        var refund = Gift("r", 1000, 1, At(9), GiftKind.Refund, "gone", liveId: "live-9", giftId: "galaxy");
        var statement = Calculate([Sent("g", 5000, 1, At(8), "live-8"), GiftEntry.ForRefund(refund, null, Paris)]);

        var live9 = statement.Earnings!.Lives.Single(l => l.LiveId == "live-9");
        Assert.Equal(-1, live9.Gifts);
        Assert.Equal(Eur(-2.30m), live9.Amount);
    }

    [Fact]
    public void TopGifts_AreTheFiveLargestByAmount()
    {
        var statement = Calculate([
            Sent("1", 1, 100, At(2), "l", "rose"), Sent("2", 5, 30, At(2), "l", "heart"), Sent("3", 1000, 1, At(3), "l", "galaxy"),
            Sent("4", 29_999, 1, At(3), "l", "lion"), Sent("5", 44_999, 1, At(4), "l", "universe"), Sent("6", 10, 2, At(4), "l", "cap"),
            Sent("7", 99, 1, At(5), "l", "perfume")]);

        var top = statement.Earnings!.TopGifts;

        Assert.Equal(EarningsBreakdown.TopGiftCount, top.Count);
        Assert.Equal(["universe", "lion", "galaxy", "heart", "rose"], top.Select(g => g.GiftId));
        Assert.Equal([1L, 1L, 1L, 30L, 100L], top.Select(g => g.Gifts));
        Assert.Equal(top.Select(g => g.Amount.MinorUnits).OrderDescending(), top.Select(g => g.Amount.MinorUnits));
    }

    [Fact]
    public void TopGifts_EqualAmounts_GoByCoinsThenId_AndNetZeroGiftsAreLeftOut()
    {
        // Split in id order: ant 2.30, bee 2.30, cat 3 coins 0.01, dog 4 coins 0.01, eel 3 coins 0.00; galaxy is refunded.
        var galaxy = Gift("g", 1000, 1, At(3), giftId: "galaxy");
        var statement = Calculate([
            GiftEntry.From(galaxy, Paris), GiftEntry.ForRefund(Gift("r", 1000, 1, At(4), GiftKind.Refund, "g", giftId: "galaxy"), galaxy, Paris),
            Sent("b", 1000, 1, At(5), "l", "bee"), Sent("a", 1000, 1, At(6), "l", "ant"), Sent("c", 3, 1, At(7), "l", "cat"),
            Sent("d", 4, 1, At(7), "l", "dog"), Sent("e", 3, 1, At(8), "l", "eel")]);

        var top = statement.Earnings!.TopGifts;

        Assert.Equal(["ant", "bee", "dog", "cat", "eel"], top.Select(g => g.GiftId));
        Assert.Equal([230L, 230L, 1L, 1L, 0L], top.Select(g => g.Amount.MinorUnits));
    }

    [Fact]
    public void Breakdown_WithOnlyDeals_HasNoLivesAndNoTopGifts()
    {
        var earnings = Calculate(deals: [DealOf(Deal("d", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(4)))]).Earnings!;

        Assert.Empty(earnings.Lives);
        Assert.Empty(earnings.TopGifts);
        Assert.Equal(Eur(10m), earnings.Days.Single(d => d.Date.Day == 4).Deals);
    }
}
