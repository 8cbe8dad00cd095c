namespace Payouts.Domain.Statements;

/// <summary>
/// When and from what the period's money was earned: every day of the period, every LIVE, the top gifts. Each list
/// splits the period's own gift lines exactly (<see cref="CumulativeRounding"/>), so its amounts add up to them to the
/// cent; <see cref="Days"/> also holds the period's deals and bonuses, so its totals add up to the period's revenue
/// without prior-period adjustments.
/// </summary>
public sealed record EarningsBreakdown(IReadOnlyList<DailyEarnings> Days, IReadOnlyList<LiveEarnings> Lives, IReadOnlyList<GiftEarnings> TopGifts)
{
    public const int TopGiftCount = 5;
}
