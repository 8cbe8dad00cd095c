using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Statements;

/// <summary>
/// The local days of one period as instant ranges: which day an instant falls on is a binary search over a month of
/// longs, not a zone conversion per gift. A day starts at its local midnight (<see cref="DateTimeZone.AtStartOfDay"/>),
/// so DST days are 23 or 25 hours long and no instant is lost.
/// </summary>
internal sealed class PeriodDays
{
    private readonly long[] _startTicks;

    public PeriodDays(PeriodKey period, PeriodCalendar calendar)
    {
        var dates = new List<LocalDate>();
        for (var date = period.Start; date < period.End; date = date.PlusDays(1))
        {
            dates.Add(date);
        }

        Dates = dates;
        _startTicks = [.. dates.Select(d => calendar.Zone.AtStartOfDay(d).ToInstant().ToUnixTimeTicks())];
    }

    public IReadOnlyList<LocalDate> Dates { get; }

    /// <summary>The index in <see cref="Dates"/> of the day holding <paramref name="instant"/>, which must lie in the period.</summary>
    public int IndexOf(Instant instant)
    {
        var index = Array.BinarySearch(_startTicks, instant.ToUnixTimeTicks());
        return index >= 0 ? index : ~index - 1;
    }
}
