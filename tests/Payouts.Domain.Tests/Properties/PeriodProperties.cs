using CsCheck;
using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Tests.Properties;

public sealed class PeriodProperties
{
    private static readonly Gen<PeriodCalendar> Calendars =
        Gen.Select(
            Gen.OneOf(PeriodKind.Monthly, PeriodKind.Weekly),
            Gen.OneOf("Europe/Paris", "America/Asuncion", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe", "UTC"),
            (kind, zone) => new PeriodCalendar(kind, DateTimeZoneProviders.Tzdb[zone], Duration.FromDays(2)));

    /// <summary>2001-01-01 to 2098-12-31, to the tick.</summary>
    private static readonly Gen<Instant> AnyInstant =
        Gen.Long[Instant.FromUtc(2001, 1, 1, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(2098, 12, 31, 0, 0).ToUnixTimeTicks()].Select(Instant.FromUnixTimeTicks);

    /// <summary>The night of the 2026 DST end in Paris (2026-10-24T20:00Z to 2026-10-25T04:00Z), by the second.</summary>
    private static readonly Gen<Instant> AroundParisDstEnd =
        Gen.Long[Instant.FromUtc(2026, 10, 24, 20, 0).ToUnixTimeSeconds(), Instant.FromUtc(2026, 10, 25, 4, 0).ToUnixTimeSeconds()].Select(Instant.FromUnixTimeSeconds);

    [Fact]
    public void PeriodOf_AnyInstant_LiesInItsPeriodsHalfOpenRange() =>
        Gen.Select(Calendars, AnyInstant).Sample(
            (calendar, instant) =>
            {
                var period = calendar.PeriodOf(instant);
                Assert.True(calendar.StartOf(period) <= instant, $"{instant} before start of {period}");
                Assert.True(instant < calendar.EndOf(period), $"{instant} not before end of {period}");
                Assert.True(period.Contains(calendar.LocalDateOf(instant)));
            },
            iter: 1000);

    [Fact]
    public void PeriodOf_AroundTheParisDstEnd_LiesInItsPeriod() =>
        Gen.Select(Gen.OneOf(PeriodKind.Monthly, PeriodKind.Weekly), AroundParisDstEnd).Sample(
            (kind, instant) =>
            {
                var calendar = new PeriodCalendar(kind, DateTimeZoneProviders.Tzdb["Europe/Paris"], Duration.FromDays(2));
                var period = calendar.PeriodOf(instant);
                Assert.InRange(instant, calendar.StartOf(period), calendar.EndOf(period) - Duration.Epsilon);
            },
            iter: 300);

    [Fact]
    public void EndOf_AnyPeriod_IsStartOfTheNext() =>
        Gen.Select(Calendars, AnyInstant).Sample(
            (calendar, instant) =>
            {
                var period = calendar.PeriodOf(instant);
                Assert.Equal(calendar.EndOf(period), calendar.StartOf(period.Next()));
                Assert.Equal(period, period.Next().Previous());
                Assert.Equal(period, PeriodKey.Parse(period.ToString()));
            },
            iter: 500);
}
