using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// The geometry of the earnings-by-day chart, shared by the HTML (SVG) and the PDF, computed from minor units in
/// integer arithmetic: the plot spans from the highest day down to the lowest (zero when no day is negative), and a
/// bar's height is its share of that span, floored, at least one unit when the day earned or lost anything.
/// </summary>
public static class DayChart
{
    public static DayChartLayout Layout(IReadOnlyList<DailyEarnings> days, Currency currency, int plotHeight)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentOutOfRangeException.ThrowIfLessThan(plotHeight, 2);
        var highest = Math.Max(0, days.Count == 0 ? 0 : days.Max(d => d.Total.MinorUnits));
        var lowest = Math.Min(0, days.Count == 0 ? 0 : days.Min(d => d.Total.MinorUnits));
        var span = checked(highest - lowest);
        var axis = span == 0 ? plotHeight : (int)(checked(plotHeight * highest) / span);
        var bars = days.Select((day, i) =>
        {
            var value = day.Total.MinorUnits;
            var height = span == 0 || value == 0 ? 0 : Math.Max(1, (int)(checked(plotHeight * Math.Abs(value)) / span));
            var top = value >= 0 ? Math.Max(0, axis - height) : axis;
            return new DayBar(i, day.Date, day.Total, top, Math.Min(height, plotHeight - top), IsLabelled(i, days.Count));
        }).ToList();
        return new DayChartLayout(plotHeight, axis, new Money(highest, currency), new Money(lowest, currency), bars);
    }

    /// <summary>Every day of a week; the 1st, 5th, 10th … of a month, so labels never crowd on a phone.</summary>
    private static bool IsLabelled(int index, int count) => count <= 10 || index == 0 || (index + 1) % 5 == 0;
}
