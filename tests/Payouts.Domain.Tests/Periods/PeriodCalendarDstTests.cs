using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Tests.Periods;

/// <summary>
/// Europe/Paris in 2026: CET (+01) in winter, CEST (+02) in summer. Summer time ends on the last Sunday of October,
/// 2026-10-25, at 03:00 CEST = 01:00 UTC (local 02:00–03:00 happens twice); it starts on 2026-03-29 at 01:00 UTC.
/// </summary>
public sealed class PeriodCalendarDstTests
{
    private static readonly DateTimeZone ParisZone = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly PeriodCalendar Monthly = new(PeriodKind.Monthly, ParisZone, Duration.FromDays(2));
    private static readonly PeriodCalendar Weekly = new(PeriodKind.Weekly, ParisZone, Duration.FromDays(2));

    [Theory]
    [InlineData(0, 0, "2026-10")] // 02:00 CEST, first pass of the repeated hour
    [InlineData(0, 59, "2026-10")]
    [InlineData(1, 0, "2026-10")] // 02:00 CET, second pass
    [InlineData(1, 59, "2026-10")]
    [InlineData(2, 0, "2026-10")]
    public void PeriodOf_RepeatedHourOnDstEnd_IsOctober(int utcHour, int utcMinute, string expected) =>
        Assert.Equal(PeriodKey.Parse(expected), Monthly.PeriodOf(Instant.FromUtc(2026, 10, 25, utcHour, utcMinute)));

    [Fact]
    public void LocalDateOf_BothPassesOfTheRepeatedHour_AreTheSameDay()
    {
        var first = Instant.FromUtc(2026, 10, 25, 0, 30);
        var second = Instant.FromUtc(2026, 10, 25, 1, 30);
        Assert.Equal(new LocalDate(2026, 10, 25), Monthly.LocalDateOf(first));
        Assert.Equal(new LocalDate(2026, 10, 25), Monthly.LocalDateOf(second));
        Assert.Equal(first.InZone(ParisZone).LocalDateTime, second.InZone(ParisZone).LocalDateTime);
    }

    [Fact]
    public void PeriodOf_RepeatedHourOnDstEnd_IsIsoWeek43()
    {
        Assert.Equal(PeriodKey.Week(2026, 43), Weekly.PeriodOf(Instant.FromUtc(2026, 10, 25, 0, 30)));
        Assert.Equal(PeriodKey.Week(2026, 43), Weekly.PeriodOf(Instant.FromUtc(2026, 10, 25, 1, 30)));
    }

    [Theory]
    [InlineData(2026, 10, 31, 22, 59, 59, "2026-10")] // 23:59:59 CET on 31 October
    [InlineData(2026, 10, 31, 23, 0, 0, "2026-11")] // 00:00 CET on 1 November
    [InlineData(2026, 9, 30, 21, 59, 59, "2026-09")] // 23:59:59 CEST on 30 September
    [InlineData(2026, 9, 30, 22, 0, 0, "2026-10")] // 00:00 CEST on 1 October
    [InlineData(2026, 11, 30, 22, 59, 59, "2026-11")]
    [InlineData(2026, 11, 30, 23, 0, 0, "2026-12")]
    [InlineData(2026, 12, 31, 23, 0, 0, "2027-01")]
    public void PeriodOf_AroundLocalMidnight_UsesTheLocalDate(int y, int mo, int d, int h, int mi, int s, string expected) =>
        Assert.Equal(PeriodKey.Parse(expected), Monthly.PeriodOf(Instant.FromUtc(y, mo, d, h, mi, s)));

    [Theory]
    [InlineData(2026, 10, 25, 22, 59, "2026-W43")] // Sunday 23:59 CET
    [InlineData(2026, 10, 25, 23, 0, "2026-W44")] // Monday 00:00 CET
    [InlineData(2025, 12, 28, 23, 0, "2026-W01")] // Monday 29 December 00:00 CET
    [InlineData(2025, 12, 28, 22, 59, "2025-W52")]
    [InlineData(2027, 1, 3, 22, 59, "2026-W53")]
    public void PeriodOf_WeeklyAroundLocalMidnight_UsesTheLocalDate(int y, int mo, int d, int h, int mi, string expected) =>
        Assert.Equal(PeriodKey.Parse(expected), Weekly.PeriodOf(Instant.FromUtc(y, mo, d, h, mi)));

    [Fact]
    public void October2026_Bounds_AreLocalMidnightsAcrossTheDstEnd()
    {
        var october = PeriodKey.Month(2026, 10);
        Assert.Equal(Instant.FromUtc(2026, 9, 30, 22, 0), Monthly.StartOf(october));
        Assert.Equal(Instant.FromUtc(2026, 10, 31, 23, 0), Monthly.EndOf(october));
        Assert.Equal(Duration.FromHours((31 * 24) + 1), Monthly.EndOf(october) - Monthly.StartOf(october));
    }

    [Fact]
    public void March2026_Bounds_AreLocalMidnightsAcrossTheDstStart()
    {
        var march = PeriodKey.Month(2026, 3);
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 23, 0), Monthly.StartOf(march));
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 22, 0), Monthly.EndOf(march));
        Assert.Equal(Duration.FromHours((31 * 24) - 1), Monthly.EndOf(march) - Monthly.StartOf(march));
    }

    [Fact]
    public void Week43_Bounds_Last169Hours()
    {
        var week = PeriodKey.Week(2026, 43);
        Assert.Equal(Instant.FromUtc(2026, 10, 18, 22, 0), Weekly.StartOf(week));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 23, 0), Weekly.EndOf(week));
        Assert.Equal(Duration.FromHours(169), Weekly.EndOf(week) - Weekly.StartOf(week));
    }

    [Fact]
    public void EndOf_IsStartOfNext_NoGapNoOverlap()
    {
        for (var period = PeriodKey.Month(2026, 1); period <= PeriodKey.Month(2027, 12); period = period.Next())
        {
            Assert.Equal(Monthly.EndOf(period), Monthly.StartOf(period.Next()));
        }
    }

    [Fact]
    public void StartOf_SkippedLocalMidnight_IsTheFirstExistingInstant()
    {
        // Paraguay moved its clocks from 00:00 to 01:00 on Sunday 2017-10-01 (UTC−4 → UTC−3): October starts at 01:00 local.
        var asuncion = new PeriodCalendar(PeriodKind.Monthly, DateTimeZoneProviders.Tzdb["America/Asuncion"], Duration.Zero);
        var october = PeriodKey.Month(2017, 10);

        Assert.Equal(Instant.FromUtc(2017, 10, 1, 4, 0), asuncion.StartOf(october));
        Assert.Equal(PeriodKey.Month(2017, 9), asuncion.PeriodOf(Instant.FromUtc(2017, 10, 1, 3, 59, 59)));
        Assert.Equal(october, asuncion.PeriodOf(Instant.FromUtc(2017, 10, 1, 4, 0)));
    }

    [Fact]
    public void PeriodOf_OtherZone_CutsAtThatZonesMidnight()
    {
        var tokyo = new PeriodCalendar(PeriodKind.Monthly, DateTimeZoneProviders.Tzdb["Asia/Tokyo"], Duration.Zero);
        var instant = Instant.FromUtc(2026, 11, 30, 15, 0); // 00:00 on 1 December in Tokyo, 16:00 on 30 November in Paris
        Assert.Equal(PeriodKey.Month(2026, 12), tokyo.PeriodOf(instant));
        Assert.Equal(PeriodKey.Month(2026, 11), Monthly.PeriodOf(instant));
    }
}
