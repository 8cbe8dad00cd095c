using System.Runtime.InteropServices;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Statements;

/// <summary>
/// Computes a statement's <see cref="EarningsBreakdown"/> from its own gift entries and deal lines. Every day of the
/// period lies in one rate segment (segments start at local midnights of the period zone), and each segment is one gift
/// line, so each line is split over its days, its LIVEs and its gifts by <see cref="CumulativeRounding"/>: the parts of
/// each list add up to the gift lines exactly, in integer minor units.
/// </summary>
internal static class EarningsBreakdowns
{
    /// <summary>LIVE and gift keys: record identifiers are never empty, so "" stands for none.</summary>
    private const string None = "";

    public static EarningsBreakdown Build(
        IReadOnlyList<GiftEntry> gifts,
        IReadOnlyList<StatementLine> deals,
        PeriodKey period,
        GiftRateTimeline timeline,
        StatementContext context,
        Currency currency)
    {
        var days = new PeriodDays(period, context.Calendar);
        var byDay = new Dictionary<(int Segment, int Key), long>();
        var byLive = new Dictionary<(int Segment, string Key), long>();
        var byGift = new Dictionary<(int Segment, string Key), long>();
        var lives = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var giftTypes = new Dictionary<string, Tally>(StringComparer.Ordinal);
        // A void is a line of its own (an adjustment), never earnings of a day, a LIVE or a gift of this period.
        foreach (var gift in gifts.Where(g => g.Period == period && !g.IsVoid))
        {
            var segment = timeline.SegmentOf(gift.ValuedAt);
            var day = days.IndexOf(gift.ValuedAt);
            var live = gift.LiveId ?? None;
            var giftId = gift.GiftId ?? None;
            Add(byDay, (segment, day), gift.Coins.Value);
            Add(byLive, (segment, live), gift.Coins.Value);
            Add(byGift, (segment, giftId), gift.Coins.Value);
            CollectionsMarshal.GetValueRefOrAddDefault(lives, live, out _).Add(gift, day);
            CollectionsMarshal.GetValueRefOrAddDefault(giftTypes, giftId, out _).Add(gift, day);
        }

        // Only gifts need FX; when there are gifts and the statement is not blocked, the calculator has found it.
        var fx = byDay.Count == 0 ? null : context.FxToPayout(Currency.USD).Value;
        Money Value(int segment, long coins) => fx!.Value.ConvertAndRound(timeline.RatesOf(segment).Value!.UsdFor(new Coins(coins)));

        var dayGifts = Split(byDay, Value, Comparer<int>.Default);
        var liveAmounts = Split(byLive, Value, StringComparer.Ordinal);
        var giftAmounts = Split(byGift, Value, StringComparer.Ordinal);
        var current = deals.Where(l => !l.IsAdjustment && l.EarnedOn is { } on && period.Contains(on)).ToList();
        var dayList = days.Dates.Select((date, i) => new DailyEarnings(
            date,
            dayGifts.GetValueOrDefault(i, Money.Zero(currency)),
            ChargeLines.Sum(current.Where(l => l.Revenue == RevenueType.Deals && l.EarnedOn == date), currency),
            ChargeLines.Sum(current.Where(l => l.Revenue == RevenueType.Bonuses && l.EarnedOn == date), currency))).ToList();
        var liveList = lives
            .Select(l => new LiveEarnings(l.Key == None ? null : l.Key, days.Dates[l.Value.FirstDay], l.Value.Gifts, new Coins(l.Value.Coins), liveAmounts[l.Key]))
            .OrderBy(l => l.LiveId is null)
            .ThenBy(l => l.FirstDay)
            .ThenBy(l => l.LiveId, StringComparer.Ordinal)
            .ToList();
        var top = giftTypes
            .Where(g => g.Value.Coins > 0)
            .Select(g => new GiftEarnings(g.Key, g.Value.Gifts, new Coins(g.Value.Coins), giftAmounts[g.Key]))
            .OrderByDescending(g => g.Amount.MinorUnits)
            .ThenByDescending(g => g.Coins.Value)
            .ThenBy(g => g.GiftId, StringComparer.Ordinal)
            .Take(EarningsBreakdown.TopGiftCount)
            .ToList();
        return new EarningsBreakdown(dayList, liveList, top);
    }

    /// <summary>Each segment's coins split over its keys in a fixed order; a key's parts summed over the segments.</summary>
    private static Dictionary<TKey, Money> Split<TKey>(Dictionary<(int Segment, TKey Key), long> coins, Func<int, long, Money> value, IComparer<TKey> order)
        where TKey : notnull
    {
        var parts = new Dictionary<TKey, Money>();
        foreach (var segment in coins.GroupBy(c => c.Key.Segment))
        {
            var ordered = segment.OrderBy(c => c.Key.Key, order).Select(c => (c.Key.Key, c.Value));
            foreach (var (key, part) in CumulativeRounding.Split(ordered, running => value(segment.Key, running)))
            {
                parts[key] = parts.TryGetValue(key, out var sum) ? sum + part : part;
            }
        }

        return parts;
    }

    private static void Add<TKey>(Dictionary<TKey, long> sums, TKey key, long coins)
        where TKey : notnull
    {
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out _);
        sum = checked(sum + coins);
    }

    /// <summary>Running figures of one LIVE or gift: coins, gifts net of refunds, and the first day seen.</summary>
    private struct Tally
    {
        public long Coins;
        public long Gifts;
        public int FirstDay;
        private bool _seen;

        public void Add(in GiftEntry entry, int day)
        {
            Coins = checked(Coins + entry.Coins.Value);
            Gifts = checked(Gifts + (entry.IsRefund ? -entry.Quantity : entry.Quantity));
            FirstDay = _seen ? Math.Min(FirstDay, day) : day;
            _seen = true;
        }
    }
}
