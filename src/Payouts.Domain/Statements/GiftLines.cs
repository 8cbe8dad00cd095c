using System.Runtime.InteropServices;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Statements;

/// <summary>
/// Aggregates gifts into one line per set of rate versions (and per original period for adjustments), then values
/// each line once: coins → diamonds → USD → payout currency, rounded once. A caller that may need to name a line's
/// records (a block reason) passes a map to learn, per line, how to list them (computed only if asked).
/// </summary>
internal static class GiftLines
{
    public static List<StatementLine> Build(
        IReadOnlyList<GiftEntry> gifts,
        PeriodKey period,
        GiftRateTimeline timeline,
        Func<FxRateLookup> usdToPayout,
        List<BlockReason> blockedReasons,
        Dictionary<StatementLine, Func<IEnumerable<string?>>>? recordIdsOfLines = null)
    {
        var current = new GiftTally[timeline.SegmentCount];
        Dictionary<(PeriodKey Period, int Segment), GiftTally>? adjustments = null;
        for (var i = 0; i < gifts.Count; i++)
        {
            var gift = gifts[i];
            var segment = timeline.SegmentOf(gift.ValuedAt);
            if (gift.Period == period)
            {
                current[segment].Add(gift);
            }
            else if (gift.Period < period)
            {
                adjustments ??= [];
                CollectionsMarshal.GetValueRefOrAddDefault(adjustments, (gift.Period, segment), out _).Add(gift);
            }
            else
            {
                throw new ArgumentException($"A gift of {gift.Period} cannot be counted in the statement for {period}.", nameof(gifts));
            }
        }

        var lines = new List<StatementLine>();
        if (adjustments is null && current.All(t => t.IsEmpty))
        {
            return lines;
        }

        var fx = usdToPayout();
        if (!fx.IsFound)
        {
            blockedReasons.Add(BlockReason.Of(BlockCodes.MissingFx, fx.MissingReason, gifts.Select(g => g.RecordId)));
            return lines;
        }

        for (var index = 0; index < current.Length; index++)
        {
            var segment = index; // one variable per line: the record-id closure may run after the loop
            AddLine(lines, current[segment], null, segment, timeline, fx.Value, blockedReasons, () => IdsOf(gifts, period, segment, timeline), recordIdsOfLines);
        }

        foreach (var ((original, segment), tally) in (adjustments ?? []).OrderBy(a => a.Key.Period).ThenBy(a => a.Key.Segment))
        {
            AddLine(lines, tally, original, segment, timeline, fx.Value, blockedReasons, () => IdsOf(gifts, original, segment, timeline), recordIdsOfLines);
        }

        return lines;
    }

    /// <summary>Only on a blocked path: the record ids of the gifts of one line.</summary>
    private static IEnumerable<string?> IdsOf(IReadOnlyList<GiftEntry> gifts, PeriodKey period, int segment, GiftRateTimeline timeline) =>
        gifts.Where(g => g.Period == period && timeline.SegmentOf(g.ValuedAt) == segment).Select(g => g.RecordId);

    private static void AddLine(
        List<StatementLine> lines,
        GiftTally tally,
        PeriodKey? original,
        int segment,
        GiftRateTimeline timeline,
        Versioned<FxRate> fx,
        List<BlockReason> blockedReasons,
        Func<IEnumerable<string?>> recordIds,
        Dictionary<StatementLine, Func<IEnumerable<string?>>>? recordIdsOfLines)
    {
        if (tally.IsEmpty)
        {
            return;
        }

        var rates = timeline.RatesOf(segment);
        if (!rates.IsFound)
        {
            blockedReasons.Add(BlockReason.Of(BlockCodes.MissingRate, $"gifts{(original is null ? string.Empty : $" of {original}")} cannot be valued: {rates.MissingReason}", recordIds()));
            return;
        }

        var coins = new Coins(tally.Coins);
        var usd = rates.Value.UsdFor(coins);
        var gross = rates.Value.GrossUsdFor(coins);
        var from = timeline.StartOf(segment);
        var line = new StatementLine
        {
            Kind = LineKind.Gifts,
            Revenue = RevenueType.Gifts,
            Description = original is null ? $"Gifts (rates from {from:yyyy-MM-dd})" : $"Prior-period adjustment {original}: gifts (rates from {from:yyyy-MM-dd})",
            OriginalPeriod = original,
            Amount = fx.Value.ConvertAndRound(usd),
            Sources = new LineSources(tally.Records, tally.Gifts, tally.Refunds),
            Coins = coins,
            Diamonds = rates.Value.DiamondsFor(coins),
            Usd = usd,
            GrossGiftUsd = gross,
            PlatformShareUsd = gross - usd,
            Rates =
            [
                new AppliedRate("diamondsPerCoin", rates.Value.DiamondsPerCoin.VersionId, rates.Value.DiamondsPerCoin.Value.Value) { From = rates.Value.DiamondsPerCoin.From },
                new AppliedRate("usdPerDiamond", rates.Value.UsdPerDiamond.VersionId, rates.Value.UsdPerDiamond.Value.Value) { From = rates.Value.UsdPerDiamond.From },
                new AppliedRate("usdPerCoinReference", rates.Value.UsdPerCoinReference.VersionId, rates.Value.UsdPerCoinReference.Value.Value) { From = rates.Value.UsdPerCoinReference.From },
                FxLines.Applied(fx),
            ],
        };
        lines.Add(line);
        recordIdsOfLines?.Add(line, recordIds);
    }
}
