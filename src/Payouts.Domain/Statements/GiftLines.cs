using System.Runtime.InteropServices;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Statements;

/// <summary>
/// Aggregates gifts into one line per set of rate versions (and per original period for adjustments), then values
/// each line once: coins → diamonds → USD → payout currency, rounded once. A voided gift's reversal is a line of its
/// own, valued the same way at the gift's rates, so it names the record and its period. A caller that may need to name
/// a line's records (a block reason) passes a map to learn, per line, how to list them (computed only if asked).
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
        List<GiftEntry>? voids = null;
        for (var i = 0; i < gifts.Count; i++)
        {
            var gift = gifts[i];
            if (gift.Period > period)
            {
                throw new ArgumentException($"A gift of {gift.Period} cannot be counted in the statement for {period}.", nameof(gifts));
            }

            var segment = timeline.SegmentOf(gift.ValuedAt);
            if (gift.IsVoid)
            {
                (voids ??= []).Add(gift);
            }
            else if (gift.Period == period)
            {
                current[segment].Add(gift);
            }
            else
            {
                adjustments ??= [];
                CollectionsMarshal.GetValueRefOrAddDefault(adjustments, (gift.Period, segment), out _).Add(gift);
            }
        }

        var lines = new List<StatementLine>();
        if (adjustments is null && voids is null && current.All(t => t.IsEmpty))
        {
            return lines;
        }

        var fx = usdToPayout();
        if (!fx.IsFound)
        {
            blockedReasons.Add(BlockReason.Of(BlockCodes.MissingFx, fx.MissingReason, gifts.Select(g => g.RecordId)));
            return lines;
        }

        void Add(StatementLine line, Func<IEnumerable<string?>> recordIds)
        {
            lines.Add(line);
            recordIdsOfLines?.Add(line, recordIds);
        }

        for (var index = 0; index < current.Length; index++)
        {
            var segment = index; // one variable per line: the record-id closure may run after the loop
            Func<IEnumerable<string?>> ids = () => IdsOf(gifts, period, segment, timeline);
            if (!current[segment].IsEmpty && Value(current[segment], segment, timeline, fx.Value, blockedReasons, "gifts", ids) is { } line)
            {
                Add(line with { Description = $"Gifts (rates from {timeline.StartOf(segment):yyyy-MM-dd})" }, ids);
            }
        }

        foreach (var ((original, segment), tally) in (adjustments ?? []).OrderBy(a => a.Key.Period).ThenBy(a => a.Key.Segment))
        {
            Func<IEnumerable<string?>> ids = () => IdsOf(gifts, original, segment, timeline);
            if (Value(tally, segment, timeline, fx.Value, blockedReasons, $"gifts of {original}", ids) is { } line)
            {
                Add(
                    line with
                    {
                        Description = $"Prior-period adjustment {original}: gifts (rates from {timeline.StartOf(segment):yyyy-MM-dd})",
                        OriginalPeriod = original,
                    },
                    ids);
            }
        }

        var orderedVoids = (voids ?? []).OrderBy(v => v.Period).ThenBy(v => v.PartnerId, StringComparer.Ordinal).ThenBy(v => v.RecordId, StringComparer.Ordinal);
        foreach (var voided in orderedVoids)
        {
            if (VoidLine(voided, timeline, fx.Value, blockedReasons) is { } line)
            {
                Add(line, () => [voided.RecordId]);
            }
        }

        return lines;
    }

    /// <summary>Only on a blocked path: the record ids of the gifts of one line.</summary>
    private static IEnumerable<string?> IdsOf(IReadOnlyList<GiftEntry> gifts, PeriodKey period, int segment, GiftRateTimeline timeline) =>
        gifts.Where(g => !g.IsVoid && g.Period == period && timeline.SegmentOf(g.ValuedAt) == segment).Select(g => g.RecordId);

    /// <summary>One voided gift's reversal: its own line, so the statement names the record and the period it was counted for.</summary>
    private static StatementLine? VoidLine(GiftEntry voided, GiftRateTimeline timeline, Versioned<FxRate> fx, List<BlockReason> blockedReasons)
    {
        var tally = default(GiftTally);
        tally.Add(voided);
        var segment = timeline.SegmentOf(voided.ValuedAt);
        var line = Value(tally, segment, timeline, fx, blockedReasons, $"the void of gift {voided.RecordId} ({voided.Period})", () => [voided.RecordId]);
        return line is null ? null : line with
        {
            Kind = LineKind.Void,
            Description = $"Reversal of voided gift {voided.RecordId} from {voided.Period}: {voided.Quantity} × {voided.GiftId} (rates from {timeline.StartOf(segment):yyyy-MM-dd})",
            OriginalPeriod = voided.Period,
            PartnerId = voided.PartnerId,
            RecordId = voided.RecordId,
        };
    }

    /// <summary>A tally's value at one segment's rates, or null (and a block reason) when a rate is missing.</summary>
    private static StatementLine? Value(
        GiftTally tally,
        int segment,
        GiftRateTimeline timeline,
        Versioned<FxRate> fx,
        List<BlockReason> blockedReasons,
        string what,
        Func<IEnumerable<string?>> recordIds)
    {
        var rates = timeline.RatesOf(segment);
        if (!rates.IsFound)
        {
            blockedReasons.Add(BlockReason.Of(BlockCodes.MissingRate, $"{what} cannot be valued: {rates.MissingReason}", recordIds()));
            return null;
        }

        var coins = new Coins(tally.Coins);
        var usd = rates.Value.UsdFor(coins);
        var gross = rates.Value.GrossUsdFor(coins);
        return new StatementLine
        {
            Kind = LineKind.Gifts,
            Revenue = RevenueType.Gifts,
            Description = string.Empty,
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
    }
}
