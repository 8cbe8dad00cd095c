using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Tests.Periods;

/// <summary>Period bounds as local dates. ISO week facts are derived by hand: 2026-01-01 is a Thursday, 2025-01-01 a Wednesday.</summary>
public sealed class PeriodKeyCalendarTests
{
    [Fact]
    public void Week_2026W01_StartsOnMonday29December2025()
    {
        var week = PeriodKey.Week(2026, 1);
        Assert.Equal(new LocalDate(2025, 12, 29), week.Start);
        Assert.Equal(IsoDayOfWeek.Monday, week.Start.DayOfWeek);
        Assert.Equal(new LocalDate(2026, 1, 5), week.End);
    }

    [Fact]
    public void Week_2026W48_Is23To29November()
    {
        var week = PeriodKey.Week(2026, 48);
        Assert.Equal(new LocalDate(2026, 11, 23), week.Start);
        Assert.Equal(new LocalDate(2026, 11, 29), week.LastDay);
    }

    [Fact]
    public void Week_2026W53_SpansTheNewYear()
    {
        var week = PeriodKey.Week(2026, 53);
        Assert.Equal(new LocalDate(2026, 12, 28), week.Start);
        Assert.Equal(new LocalDate(2027, 1, 4), week.End);
        Assert.True(week.Contains(new LocalDate(2027, 1, 1)));
    }

    [Theory]
    [InlineData(2025, 12, 29, 2026, 1)]
    [InlineData(2025, 12, 28, 2025, 52)]
    [InlineData(2027, 1, 1, 2026, 53)]
    [InlineData(2027, 1, 3, 2026, 53)]
    [InlineData(2027, 1, 4, 2027, 1)]
    [InlineData(2024, 12, 30, 2025, 1)]
    [InlineData(2026, 11, 29, 2026, 48)]
    [InlineData(2026, 11, 30, 2026, 49)]
    [InlineData(2021, 1, 3, 2020, 53)]
    public void Containing_WeeklyDate_IsTheIsoWeek(int y, int m, int d, int weekYear, int week) =>
        Assert.Equal(PeriodKey.Week(weekYear, week), PeriodKey.Containing(PeriodKind.Weekly, new LocalDate(y, m, d)));

    [Theory]
    [InlineData(2026, 11, 1, 2026, 11)]
    [InlineData(2026, 11, 30, 2026, 11)]
    [InlineData(2026, 12, 31, 2026, 12)]
    [InlineData(2027, 1, 1, 2027, 1)]
    public void Containing_MonthlyDate_IsTheCalendarMonth(int y, int m, int d, int year, int month) =>
        Assert.Equal(PeriodKey.Month(year, month), PeriodKey.Containing(PeriodKind.Monthly, new LocalDate(y, m, d)));

    [Theory]
    [InlineData(2026, 2, 28)]
    [InlineData(2024, 2, 29)]
    [InlineData(2026, 11, 30)]
    [InlineData(2026, 12, 31)]
    public void Month_LastDay_IsTheLastCalendarDay(int year, int month, int lastDay)
    {
        var key = PeriodKey.Month(year, month);
        Assert.Equal(new LocalDate(year, month, 1), key.Start);
        Assert.Equal(new LocalDate(year, month, lastDay), key.LastDay);
        Assert.Equal(key.LastDay.PlusDays(1), key.End);
    }

    [Theory]
    [InlineData("2026-12", "2027-01")]
    [InlineData("2026-11", "2026-12")]
    [InlineData("2026-W52", "2026-W53")]
    [InlineData("2026-W53", "2027-W01")]
    [InlineData("2025-W52", "2026-W01")]
    [InlineData("2020-W53", "2021-W01")]
    public void Next_AndPrevious_CrossYearBoundaries(string from, string next)
    {
        Assert.Equal(PeriodKey.Parse(next), PeriodKey.Parse(from).Next());
        Assert.Equal(PeriodKey.Parse(from), PeriodKey.Parse(next).Previous());
    }

    [Fact]
    public void Contains_IsHalfOpen()
    {
        var november = PeriodKey.Month(2026, 11);
        Assert.True(november.Contains(new LocalDate(2026, 11, 1)));
        Assert.True(november.Contains(new LocalDate(2026, 11, 30)));
        Assert.False(november.Contains(new LocalDate(2026, 12, 1)));
        Assert.False(november.Contains(new LocalDate(2026, 10, 31)));
    }
}
