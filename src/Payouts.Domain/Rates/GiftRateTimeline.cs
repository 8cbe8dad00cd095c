using NodaTime;

namespace Payouts.Domain.Rates;

/// <summary>
/// Gift rates of one region as half-open instant segments. Segment 0 lies before the first rate; segment i starts at
/// the i-th distinct rate start date (local midnight in the period zone). Finding a gift's segment is a binary search
/// over a few longs, so the statement aggregation loop does no zone arithmetic and no allocation per record.
/// </summary>
public sealed class GiftRateTimeline
{
    private readonly long[] _segmentStartTicks;
    private readonly Lookup<GiftRates>[] _rates;
    private readonly LocalDate[] _starts;

    internal GiftRateTimeline(LocalDate[] starts, DateTimeZone zone, Func<LocalDate, Lookup<GiftRates>> ratesOn)
    {
        _starts = starts;
        _segmentStartTicks = starts.Select(d => zone.AtStartOfDay(d).ToInstant().ToUnixTimeTicks()).ToArray();
        _rates = new Lookup<GiftRates>[starts.Length + 1];
        _rates[0] = Lookup<GiftRates>.Missing(starts.Length == 0
            ? "no gift rates at all for this region"
            : $"no gift rates before {starts[0]:yyyy-MM-dd}");
        for (var i = 0; i < starts.Length; i++)
        {
            _rates[i + 1] = ratesOn(starts[i]);
        }
    }

    public int SegmentCount => _rates.Length;

    public int SegmentOf(Instant instant)
    {
        var index = Array.BinarySearch(_segmentStartTicks, instant.ToUnixTimeTicks());

        // An exact hit is the first instant of segment index + 1; a miss gives the complement of the next start.
        return index >= 0 ? index + 1 : ~index;
    }

    public Lookup<GiftRates> RatesOf(int segment) => _rates[segment];

    /// <summary>The first local date of a segment, used to order lines and to explain a missing rate.</summary>
    public LocalDate? StartOf(int segment) => segment == 0 ? null : _starts[segment - 1];
}
