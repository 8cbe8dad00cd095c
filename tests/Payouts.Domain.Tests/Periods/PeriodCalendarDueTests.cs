using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Tests.Periods;

/// <summary>November 2026 in Paris ends at 2026-11-30T23:00Z; with the default grace of two days it is due at 2026-12-02T23:00Z.</summary>
public sealed class PeriodCalendarDueTests
{
    private static readonly PeriodCalendar Monthly = Builders.Paris;
    private static readonly PeriodCalendar Weekly = new(PeriodKind.Weekly, DateTimeZoneProviders.Tzdb["Europe/Paris"], Duration.FromDays(2));

    [Fact]
    public void DueAt_IsEndPlusGrace() => Assert.Equal(Instant.FromUtc(2026, 12, 2, 23, 0), Monthly.DueAt(Builders.November));

    [Fact]
    public void IsDue_OneTickBeforeDueAt_IsFalse() =>
        Assert.False(Monthly.IsDue(Builders.November, Instant.FromUtc(2026, 12, 2, 23, 0) - Duration.Epsilon));

    [Fact]
    public void IsDue_AtDueAt_IsTrue() => Assert.True(Monthly.IsDue(Builders.November, Instant.FromUtc(2026, 12, 2, 23, 0)));

    [Fact]
    public void IsDue_InsideThePeriod_IsFalse() => Assert.False(Monthly.IsDue(Builders.November, Instant.FromUtc(2026, 11, 15, 12, 0)));

    [Fact]
    public void IsDue_ZeroGrace_IsDueAtTheEnd()
    {
        var noGrace = new PeriodCalendar(PeriodKind.Monthly, Monthly.Zone, Duration.Zero);
        Assert.Equal(noGrace.EndOf(Builders.November), noGrace.DueAt(Builders.November));
        Assert.True(noGrace.IsDue(Builders.November, Instant.FromUtc(2026, 11, 30, 23, 0)));
    }

    [Fact]
    public void LatestDue_JustBeforeNovemberIsDue_IsOctober() =>
        Assert.Equal(Builders.October, Monthly.LatestDue(Instant.FromUtc(2026, 12, 2, 22, 59)));

    [Fact]
    public void LatestDue_WhenNovemberIsDue_IsNovember() =>
        Assert.Equal(Builders.November, Monthly.LatestDue(Instant.FromUtc(2026, 12, 2, 23, 0)));

    [Fact]
    public void LatestDue_EarlyInAMonth_SkipsTheGraceOfThePreviousMonth() =>
        Assert.Equal(PeriodKey.Month(2026, 11), Monthly.LatestDue(Instant.FromUtc(2027, 1, 1, 12, 0)));

    [Fact]
    public void DuePeriodsSince_MissedRuns_CatchesUpOldestFirst() =>
        Assert.Equal(
            ["2026-08", "2026-09", "2026-10", "2026-11"],
            Monthly.DuePeriodsSince(PeriodKey.Month(2026, 8), Instant.FromUtc(2026, 12, 3, 0, 0)).Select(p => p.ToString()));

    [Fact]
    public void DuePeriodsSince_FirstNotDueYet_IsEmpty() =>
        Assert.Empty(Monthly.DuePeriodsSince(PeriodKey.Month(2026, 12), Instant.FromUtc(2026, 12, 3, 0, 0)));

    [Fact]
    public void DuePeriodsSince_FirstIsLatestDue_IsThatPeriodOnly() =>
        Assert.Equal([Builders.November], Monthly.DuePeriodsSince(Builders.November, Instant.FromUtc(2026, 12, 20, 0, 0)));

    [Fact]
    public void DuePeriodsSince_WeeklyAcrossWeek53_IncludesWeek53()
    {
        // 2027-W01 (4–10 January) ends 2027-01-10T23:00Z and is due two days later; 2027-W02 is not due on the 13th.
        var due = Weekly.DuePeriodsSince(PeriodKey.Week(2026, 52), Instant.FromUtc(2027, 1, 13, 12, 0));
        Assert.Equal(["2026-W52", "2026-W53", "2027-W01"], due.Select(p => p.ToString()));
    }

    [Fact]
    public void DuePeriodsSince_KeyOfOtherKind_Throws() =>
        Assert.Throws<ArgumentException>(() => Monthly.DuePeriodsSince(PeriodKey.Week(2026, 40), Instant.FromUtc(2026, 12, 3, 0, 0)).ToList());

    [Fact]
    public void StartOf_KeyOfOtherKind_Throws() => Assert.Throws<ArgumentException>(() => Monthly.StartOf(PeriodKey.Week(2026, 40)));

    [Fact]
    public void Constructor_NegativeGrace_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeriodCalendar(PeriodKind.Monthly, Monthly.Zone, Duration.FromSeconds(-1)));

    [Fact]
    public void Constructor_NullZone_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new PeriodCalendar(PeriodKind.Monthly, null!, Duration.Zero));

    [Fact]
    public void Default_IsMonthlyParisWithTwoDaysGrace()
    {
        Assert.Equal(PeriodKind.Monthly, PeriodCalendar.Default.Kind);
        Assert.Equal("Europe/Paris", PeriodCalendar.Default.Zone.Id);
        Assert.Equal(Duration.FromDays(2), PeriodCalendar.Default.Grace);
    }
}
