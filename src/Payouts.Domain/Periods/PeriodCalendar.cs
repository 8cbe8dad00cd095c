using NodaTime;

namespace Payouts.Domain.Periods;

/// <summary>
/// Cuts time into statement periods in one IANA zone. Period bounds are local midnights, resolved to instants
/// with <see cref="DateTimeZone.AtStartOfDay"/> so a DST change never shifts or loses an hour of records.
/// </summary>
public sealed class PeriodCalendar
{
    public PeriodCalendar(PeriodKind kind, DateTimeZone zone, Duration grace)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (grace < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(grace), "The grace period cannot be negative.");
        }

        Kind = kind;
        Zone = zone;
        Grace = grace;
    }

    public static PeriodCalendar Default { get; } =
        new(PeriodKind.Monthly, DateTimeZoneProviders.Tzdb["Europe/Paris"], Duration.FromDays(2));

    public PeriodKind Kind { get; }

    public DateTimeZone Zone { get; }

    /// <summary>How long after a period ends late records are still waited for before it is closed.</summary>
    public Duration Grace { get; }

    public PeriodKey PeriodOf(Instant instant) => PeriodKey.Containing(Kind, LocalDateOf(instant));

    public LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The first instant of the period.</summary>
    public Instant StartOf(PeriodKey period) => Zone.AtStartOfDay(Of(period).Start).ToInstant();

    /// <summary>The first instant after the period: periods are half-open, [start, end).</summary>
    public Instant EndOf(PeriodKey period) => Zone.AtStartOfDay(Of(period).End).ToInstant();

    /// <summary>The moment the period may be closed: its end plus the grace period.</summary>
    public Instant DueAt(PeriodKey period) => EndOf(period) + Grace;

    public bool IsDue(PeriodKey period, Instant now) => now >= DueAt(period);

    /// <summary>The newest period that is due at <paramref name="now"/>.</summary>
    public PeriodKey LatestDue(Instant now)
    {
        var candidate = PeriodOf(now).Previous();
        while (!IsDue(candidate, now))
        {
            candidate = candidate.Previous();
        }

        return candidate;
    }

    /// <summary>Every due period from <paramref name="first"/> up to the newest due one, oldest first: a missed run catches up.</summary>
    public IEnumerable<PeriodKey> DuePeriodsSince(PeriodKey first, Instant now)
    {
        var last = LatestDue(now);
        for (var period = Of(first); period <= last; period = period.Next())
        {
            yield return period;
        }
    }

    private PeriodKey Of(PeriodKey period) =>
        period.Kind == Kind ? period : throw new ArgumentException($"Period {period} is not {Kind}.", nameof(period));
}
