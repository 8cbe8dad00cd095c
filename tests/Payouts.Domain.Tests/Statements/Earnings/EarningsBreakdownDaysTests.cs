using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Earnings;

/// <summary>Earnings by day: every day of the period, gifts split from their line to the cent, deals and bonuses on the day earned.</summary>
public sealed class EarningsBreakdownDaysTests
{
    private static readonly Statement Worked = StatementCalculator.Calculate(WorkedExample());

    private static DailyEarnings Day(Statement s, int day) => s.Earnings!.Days.Single(d => d.Date == new LocalDate(2026, 11, day));

    [Fact]
    public void Days_AreEveryDayOfThePeriodInOrder()
    {
        var days = Worked.Earnings!.Days;

        Assert.Equal(30, days.Count);
        Assert.Equal(new LocalDate(2026, 11, 1), days[0].Date);
        Assert.Equal(new LocalDate(2026, 11, 30), days[^1].Date);
        Assert.Equal(days.Select(d => d.Date).Order(), days.Select(d => d.Date));
    }

    [Fact]
    public void Days_WorkedExample_SplitTheGiftLineAndPlaceDealsAndBonusesOnTheirDay()
    {
        // 300 roses = 0.69; the galaxies net of the refund (1,000 coins) = 2.30; the lion takes the rest of 71.99: 69.00.
        Assert.Equal(Eur(0.69m), Day(Worked, 3).Gifts);
        Assert.Equal(Eur(2.30m), Day(Worked, 10).Gifts);
        Assert.Equal(Eur(69.00m), Day(Worked, 12).Gifts);
        Assert.Equal(Eur(500.00m), Day(Worked, 15).Deals);
        Assert.Equal(Eur(9.20m), Day(Worked, 20).Bonuses);
        Assert.Equal(Eur(509.20m), Day(Worked, 15).Total + Day(Worked, 20).Total);
        Assert.Equal(Money.Zero(Currency.EUR), Day(Worked, 14).Total);
    }

    [Fact]
    public void Days_RefundCountsOnTheDayOfItsGift()
    {
        var gift = Gift("g", 1000, 2, At(5));
        var statement = Calculate([GiftEntry.From(gift, Paris), GiftEntry.ForRefund(Gift("r", 1000, 1, At(20), GiftKind.Refund, "g"), gift, Paris)]);

        Assert.Equal(Eur(2.30m), Day(statement, 5).Gifts);
        Assert.True(Day(statement, 20).Gifts.IsZero);
    }

    [Fact]
    public void Days_ALateEveningInParis_IsTheNextLocalDay()
    {
        // 23:30 UTC on the 2nd is 00:30 on the 3rd in Paris.
        var statement = Calculate([Entry(1000, 1, Instant.FromUtc(2026, 11, 2, 23, 30))]);

        Assert.True(Day(statement, 2).Gifts.IsZero);
        Assert.Equal(Eur(2.30m), Day(statement, 3).Gifts);
    }

    [Theory]
    [InlineData(10, 31, 23, 1)] // the period's first instant: midnight of 1 November in Paris
    [InlineData(11, 2, 23, 3)] // a local midnight inside the period
    [InlineData(11, 30, 22, 30)] // the period's last hour
    public void Days_AGiftAtALocalMidnight_IsOnTheDayItStarts(int month, int utcDay, int utcHour, int localDay)
    {
        var statement = Calculate([Entry(1000, 1, Instant.FromUtc(2026, month, utcDay, utcHour, 0))]);

        Assert.Equal(Eur(2.30m), Day(statement, localDay).Gifts);
        Assert.Equal(Eur(2.30m), statement.Earnings!.Days.Aggregate(Eur(0m), (sum, d) => sum + d.Gifts));
    }

    [Fact]
    public void Days_SumToTheRevenueOfThePeriodWithoutPriorPeriodAdjustments()
    {
        var statement = StatementCalculator.Calculate(Golden.GoldenStatements.RichRequest());
        var current = statement.Lines.Where(l => l.IsRevenue && !l.IsAdjustment).Aggregate(Money.Zero(Currency.EUR), (sum, l) => sum + l.Amount);

        Assert.Contains(statement.Lines, l => l.IsAdjustment);
        Assert.Equal(current, statement.Earnings!.Days.Aggregate(Money.Zero(Currency.EUR), (sum, d) => sum + d.Total));
    }

    [Fact]
    public void Days_GiftsOfTwoRateVersions_EachAddUpToTheirOwnLine()
    {
        var rates = RatesWith(new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 11, 16), 0.55m, "dpc-FR-2026-11-16"));
        var statement = Calculate([Entry(333, 1, At(2)), Entry(333, 1, At(3)), Entry(333, 1, At(16)), Entry(333, 1, At(17))], rates: rates);
        var lines = statement.Lines.Where(l => l.Kind == LineKind.Gifts).ToList();

        Assert.Equal(2, lines.Count);
        Assert.Equal(lines[0].Amount, Day(statement, 2).Gifts + Day(statement, 3).Gifts);
        Assert.Equal(lines[1].Amount, Day(statement, 16).Gifts + Day(statement, 17).Gifts);
    }

    [Fact]
    public void Days_EachDayIsTheRoundedRunningValueMinusThePreviousOne()
    {
        // 3 coins = 0.0069 EUR each day: running 0.0069 → 0.01, 0.0138 → 0.01, 0.0207 → 0.02: days 0.01, 0.00, 0.01.
        var statement = Calculate([Entry(3, 1, At(2)), Entry(3, 1, At(3)), Entry(3, 1, At(4))]);

        Assert.Equal([Eur(0.01m), Eur(0m), Eur(0.01m)], [Day(statement, 2).Gifts, Day(statement, 3).Gifts, Day(statement, 4).Gifts]);
        Assert.Equal(statement.Lines[0].Amount, Eur(0.02m));
    }

    [Fact]
    public void Days_DealOfAnEarlierPeriod_IsNotOnAnyDay()
    {
        var statement = Calculate(deals: [DealOf(Deal("d-late", DealType.ProductPlacement, DealAmount.Of(40m, Currency.EUR), Instant.FromUtc(2026, 10, 20, 10, 0)))]);

        Assert.All(statement.Earnings!.Days, d => Assert.True(d.Total.IsZero));
    }

    [Fact]
    public void Days_OfAWeeklyPeriod_AreItsSevenDays()
    {
        var weekly = new PeriodCalendar(PeriodKind.Weekly, Paris.Zone, Duration.FromDays(2));
        var week = PeriodKey.Week(2026, 46);
        var request = Request([GiftEntry.From(Gift("g", 1000, 1, At(11)), weekly)], []) with { Id = new StatementId("lea", week, 1), Calendar = weekly };

        var days = StatementCalculator.Calculate(request).Earnings!.Days;

        Assert.Equal(7, days.Count);
        Assert.Equal(new LocalDate(2026, 11, 9), days[0].Date);
        Assert.Equal(Eur(2.25m), days[2].Gifts); // the week ends on the 15th: USD→EUR 0.90 of 31 October
    }

    [Fact]
    public void Earnings_OfABlockedStatement_AreNull() =>
        Assert.Null(Calculate([Entry(1000, 1, At(3))], rates: new RateBook([])).Earnings);
}
