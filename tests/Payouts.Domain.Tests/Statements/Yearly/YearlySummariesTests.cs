using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Yearly;
using static Payouts.Domain.Tests.Statements.Yearly.YearBuilders;

namespace Payouts.Domain.Tests.Statements.Yearly;

public sealed class YearlySummariesTests
{
    private static readonly IReadOnlyList<Statement> Year = Lea2026();
    private static readonly YearlySummary Summary = YearBuilders.Summary();

    private static Money Sum(IEnumerable<Statement> statements, Func<StatementTotals, Money> figure) =>
        statements.Aggregate(Money.Zero(Currency.EUR), (sum, s) => sum + figure(s.Totals!));

    /// <summary>The statements a year counts, by an independent reading: of each period its highest version.</summary>
    private static List<Statement> Latest => [.. Year.GroupBy(s => s.Period).Select(g => g.MaxBy(s => s.Version)!)];

    [Fact]
    public void Totals_AreTheSumsOfTheCountedStatementsOwnTotals()
    {
        var totals = Assert.Single(Summary.Currencies).Totals;

        Assert.Equal(Sum(Latest, t => t.Gross), totals.Gross);
        Assert.Equal(Sum(Latest, t => t.AgencyCommission), totals.AgencyCommission);
        Assert.Equal(Sum(Latest, t => t.Withholding), totals.Withholding);
        Assert.Equal(Sum(Latest, t => t.Net), totals.Net);
        Assert.Equal(Sum(Latest, t => t.Payable), totals.Payable);
        Assert.Equal(Latest[0].Totals!.BroughtForward, totals.BroughtForward);
        Assert.Equal(Latest[^1].Totals!.CarriedForward, totals.CarriedForward);
        Assert.Equal(totals.BroughtForward + totals.Net, totals.Payable + totals.CarriedForward);
    }

    [Fact]
    public void Totals_KeepPriorPeriodAdjustmentsApartFromTheirType()
    {
        var totals = Summary.Currencies[0].Totals;

        Assert.Equal(Builders.Eur(60.00m), totals.Adjustments);
        Assert.Equal(Sum(Latest, t => t.Bonuses) - Builders.Eur(60.00m), totals.Bonuses);
        Assert.Equal(Sum(Latest, t => t.Gifts), totals.Gifts);
        Assert.Equal(Sum(Latest, t => t.Deals), totals.Deals);
    }

    [Fact]
    public void Months_AreAllTwelve_ZeroWithoutAStatement()
    {
        var months = Summary.Currencies[0].Months;

        Assert.Equal(Enumerable.Range(1, 12), months.Select(m => m.Month));
        Assert.Equal([1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1], months.Select(m => m.Statements));
        Assert.All(months.Where(m => m.Statements == 0), m => Assert.True(m.Net.IsZero && m.Payable.IsZero));
        Assert.Equal(Latest.Single(s => s.Period.Number == 3).Totals!.Payable, months[2].Payable);
        Assert.Equal(Latest.Single(s => s.Period.Number == 11).Totals!.Net, months[10].Net);
        Assert.Equal(Summary.Currencies[0].Totals.Payable, months.Aggregate(Builders.Eur(0m), (sum, m) => sum + m.Payable));
    }

    [Fact]
    public void Statements_ListEveryVersion_OnlyTheLatestCounts()
    {
        Assert.Equal(["2026-01", "2026-03", "2026-03", "2026-06", "2026-11", "2026-12"], Summary.Statements.Select(s => s.Figures.Id.Period.ToString()));
        var march = Summary.Statements.Where(s => s.Figures.Id.Period.Number == 3).ToList();
        Assert.Equal((1, 2), (march[0].Figures.Id.Version, march[0].SupersededBy));
        Assert.False(march[0].IsCounted);
        Assert.True(march[1].IsCounted);
        Assert.Equal(5, Summary.Counted.Count());
    }

    [Fact]
    public void Versions_EachIsSupersededByTheNext()
    {
        var v1 = Figures(Year[0]);
        var versions = new[] { v1 with { Id = v1.Id with { Version = 3 } }, v1, v1 with { Id = v1.Id with { Version = 2 } } };

        var summary = YearlySummaries.Of("lea", 2026, versions, []);

        Assert.Equal([2, 3, (int?)null], summary.Statements.Select(s => s.SupersededBy));
        Assert.Equal([1, 2, 3], summary.Statements.Select(s => s.Figures.Id.Version));
    }

    [Fact]
    public void OtherYearsAndOtherCreators_AreLeftOut()
    {
        var jan = Figures(Year[0]);
        var others = new[]
        {
            jan with { Id = new StatementId("lea", PeriodKey.Month(2025, 12), 1) },
            jan with { Id = new StatementId("lea", PeriodKey.Month(2027, 1), 1) },
            jan with { Id = new StatementId("max", PeriodKey.Month(2026, 1), 1) },
        };

        var summary = YearlySummaries.Of("lea", 2026, [jan, .. others], []);

        Assert.Equal([jan.Id], summary.Statements.Select(s => s.Figures.Id));
    }

    [Fact]
    public void AWeek_CountsInTheYearAndMonthItEnds()
    {
        // 2026-W53 runs from Monday 28 December 2026 to Sunday 3 January 2027.
        var week = Figures(Year[0]) with { Id = new StatementId("lea", PeriodKey.Week(2026, 53), 1) };

        Assert.Empty(YearlySummaries.Of("lea", 2026, [week], []).Statements);
        var next = YearlySummaries.Of("lea", 2027, [week], []);
        Assert.Equal(1, Assert.Single(next.Statements).Month);
        Assert.Equal(1, next.Currencies[0].Months[0].Statements);
    }

    [Fact]
    public void TwoPayoutCurrencies_AreSummedApart_InTheOrderTheyFirstPay()
    {
        var usd = Currency.USD;
        var jan = Figures(Year[0]);
        var june = new StatementFigures(
            new StatementId("lea", PeriodKey.Month(2026, 6), 1), StatementStatus.Issued, usd,
            new Money(1000, usd), Money.Zero(usd), Money.Zero(usd), Money.Zero(usd), new Money(-200, usd), Money.Zero(usd), new Money(800, usd), Money.Zero(usd), new Money(800, usd), Money.Zero(usd));

        var summary = YearlySummaries.Of("lea", 2026, [june, jan], []);

        Assert.Equal([Currency.EUR, usd], summary.Currencies.Select(c => c.Currency));
        Assert.Equal(new Money(800, usd), summary.Currencies[1].Totals.Payable);
        Assert.Equal(new Money(800, usd), summary.Currencies[1].Months[5].Payable);
        Assert.True(summary.Currencies[1].Months[0].Payable.IsZero);
        Assert.Equal(jan.Payable, summary.Currencies[0].Totals.Payable);
    }

    [Fact]
    public void Blocked_ArePeriodsOfTheYearWithoutAStatement_InOrder()
    {
        var jan = Figures(Year[0]);
        var blocked = new[] { PeriodKey.Month(2026, 9), PeriodKey.Month(2026, 1), PeriodKey.Month(2026, 4), PeriodKey.Month(2027, 2), PeriodKey.Month(2026, 4) };

        var summary = YearlySummaries.Of("lea", 2026, [jan], blocked);

        Assert.Equal([PeriodKey.Month(2026, 4), PeriodKey.Month(2026, 9)], summary.Blocked);
    }

    [Fact]
    public void NoStatements_IsAnEmptyYear()
    {
        var summary = YearlySummaries.Of("lea", 2026, [], []);

        Assert.Empty(summary.Statements);
        Assert.Empty(summary.Currencies);
        Assert.Equal("lea", summary.CreatorName);
    }

    [Fact]
    public void Figures_SplitTheLinesByTypeAndAdjustment()
    {
        var rich = Figures(Golden.GoldenStatements.Of(Golden.GoldenStatements.Rich));
        var statement = Golden.GoldenStatements.Of(Golden.GoldenStatements.Rich);

        // October's late gift (6.90) and deal (99.99) are adjustments; the rest is November's.
        Assert.Equal(Builders.Eur(106.89m), rich.Adjustments);
        Assert.Equal(statement.Totals!.Gifts - Builders.Eur(6.90m), rich.Gifts);
        Assert.Equal(statement.Totals.Deals - Builders.Eur(99.99m), rich.Deals);
        Assert.Equal(statement.Totals.Bonuses, rich.Bonuses);
        Assert.Equal(statement.Totals.AgencyCommission, rich.AgencyCommission);
        Assert.Equal(statement.Totals.Withholding, rich.Withholding);
        Assert.Equal(statement.Totals.Net, rich.Net);
        Assert.Equal((statement.Totals.BroughtForward, statement.Totals.Payable, statement.Totals.CarriedForward), (rich.BroughtForward, rich.Payable, rich.CarriedForward));
        Assert.Equal(Currency.EUR, rich.Currency);
    }
}
