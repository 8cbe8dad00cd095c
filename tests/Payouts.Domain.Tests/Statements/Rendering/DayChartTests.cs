using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Rendering;

public sealed class DayChartTests
{
    private static List<DailyEarnings> Days(params long[] cents) =>
        [.. cents.Select((c, i) => new DailyEarnings(new LocalDate(2026, 11, i + 1), new Money(c, Currency.EUR), Eur(0m), Eur(0m)))];

    [Fact]
    public void Layout_PositiveDays_ScaleToTheHighestFromTheBottom()
    {
        var layout = DayChart.Layout(Days(1000, 250, 0, 1), Currency.EUR, 100);

        Assert.Equal(100, layout.AxisY);
        Assert.Equal(Eur(10m), layout.Highest);
        Assert.Equal(Eur(0m), layout.Lowest);
        Assert.Equal([100, 25, 0, 1], layout.Bars.Select(b => b.Height));
        Assert.Equal([0, 75, 100, 99], layout.Bars.Select(b => b.Top));
    }

    [Fact]
    public void Layout_ANegativeDay_HangsBelowTheZeroLine()
    {
        var layout = DayChart.Layout(Days(300, -100), Currency.EUR, 100);

        Assert.Equal(75, layout.AxisY);
        Assert.Equal((0, 75), (layout.Bars[0].Top, layout.Bars[0].Height));
        Assert.Equal((75, 25), (layout.Bars[1].Top, layout.Bars[1].Height));
        Assert.True(layout.Bars[1].IsNegative);
        Assert.Equal(Eur(-1m), layout.Lowest);
    }

    [Fact]
    public void Layout_OnlyNegativeDays_PutTheZeroLineOnTop()
    {
        var layout = DayChart.Layout(Days(-200, -50), Currency.EUR, 100);

        Assert.Equal(0, layout.AxisY);
        Assert.Equal([100, 25], layout.Bars.Select(b => b.Height));
        Assert.All(layout.Bars, b => Assert.Equal(0, b.Top));
    }

    [Fact]
    public void Layout_NothingEarned_HasNoBarsAndTheLineAtTheBottom()
    {
        var layout = DayChart.Layout(Days(0, 0, 0), Currency.EUR, 100);

        Assert.Equal(100, layout.AxisY);
        Assert.All(layout.Bars, b => Assert.Equal(0, b.Height));
        Assert.All(layout.Bars, b => Assert.Equal(100, b.Top));
    }

    [Fact]
    public void Layout_NoDays_IsEmpty()
    {
        var layout = DayChart.Layout([], Currency.EUR, 10);

        Assert.Empty(layout.Bars);
        Assert.Equal(10, layout.AxisY);
    }

    [Fact]
    public void Layout_Month_LabelsThe1stAndEveryFifthDay_AWeekEveryDay()
    {
        var month = DayChart.Layout(Days(new long[30]), Currency.EUR, 10);
        var week = DayChart.Layout(Days(new long[7]), Currency.EUR, 10);

        Assert.Equal([1, 5, 10, 15, 20, 25, 30], month.Bars.Where(b => b.Labelled).Select(b => b.Date.Day));
        Assert.All(week.Bars, b => Assert.True(b.Labelled));
        Assert.Equal(10, DayChart.Layout(Days(new long[10]), Currency.EUR, 10).Bars.Count(b => b.Labelled));
        Assert.Equal(3, DayChart.Layout(Days(new long[11]), Currency.EUR, 10).Bars.Count(b => b.Labelled));
    }

    [Fact]
    public void Layout_TooShortAPlot_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DayChart.Layout(Days(1), Currency.EUR, 1));
}
