using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;

namespace Payouts.Domain.Statements;

/// <summary>
/// One line per deal or bonus: money converted at the period's FX, diamonds at the record date's diamond value. A
/// voided deal's reversal is valued the same way, negated, on a void line naming the record and its period.
/// </summary>
internal static class DealLines
{
    public static List<StatementLine> Build(
        IReadOnlyList<DealEntry> deals,
        PeriodKey period,
        CreatorContract contract,
        StatementContext context,
        List<BlockReason> blockedReasons)
    {
        var lines = new List<StatementLine>(deals.Count);
        var ordered = deals
            .OrderBy(d => d.Period == period && !d.IsVoid ? 0 : 1)
            .ThenBy(d => d.Period)
            .ThenBy(d => d.IsVoid)
            .ThenBy(d => d.Record.RevenueType)
            .ThenBy(d => d.Record.EarnedAt)
            .ThenBy(d => d.Record.PartnerId, StringComparer.Ordinal)
            .ThenBy(d => d.Record.RecordId, StringComparer.Ordinal);
        foreach (var deal in ordered)
        {
            if (deal.Period > period)
            {
                throw new ArgumentException($"A deal of {deal.Period} cannot be counted in the statement for {period}.", nameof(deals));
            }

            var line = Value(deal, period, contract, context, blockedReasons);
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static StatementLine? Value(DealEntry deal, PeriodKey period, CreatorContract contract, StatementContext context, List<BlockReason> blockedReasons)
    {
        var record = deal.Record;
        var amount = record.Amount;
        decimal? usd = null;
        Diamonds? diamonds = null;
        var rates = new List<AppliedRate>(2);
        FxRateLookup fx;
        if (amount.IsDiamonds)
        {
            var date = context.Calendar.LocalDateOf(record.EarnedAt);
            var perDiamond = context.Rates.UsdPerDiamondOn(contract.Region, date);
            if (!perDiamond.IsFound)
            {
                blockedReasons.Add(BlockReason.Of(BlockCodes.MissingRate, $"bonus {record.RecordId} cannot be valued: {perDiamond.MissingReason}", [record.RecordId]));
                return null;
            }

            diamonds = new Diamonds(amount.Value);
            usd = perDiamond.Value.Value.ToUsd(diamonds.Value);
            rates.Add(new AppliedRate("usdPerDiamond", perDiamond.Value.VersionId, perDiamond.Value.Value.Value) { From = perDiamond.Value.From });
            fx = context.FxToPayout(Currency.USD);
        }
        else
        {
            fx = context.FxToPayout(amount.Currency!);
        }

        if (!fx.IsFound)
        {
            blockedReasons.Add(BlockReason.Of(BlockCodes.MissingFx, fx.MissingReason, [record.RecordId]));
            return null;
        }

        rates.Add(FxLines.Applied(fx.Value));
        var original = deal.Period == period && !deal.IsVoid ? (PeriodKey?)null : deal.Period;
        var isBonus = record.RevenueType == RevenueType.Bonuses;
        var what = $"{record.Type.WireName()}{(record.Brand is null ? string.Empty : $", {record.Brand}")}{(record.Reference is null ? string.Empty : $" ({record.Reference})")}";
        var label = $"{(isBonus ? "Bonus" : "Deal")}: {what}";

        // A void reverses the deal exactly: the same value negated, rounded once like the deal's own line.
        var sign = deal.IsVoid ? -1 : 1;
        return new StatementLine
        {
            Kind = deal.IsVoid ? LineKind.Void : isBonus ? LineKind.Bonus : LineKind.Deal,
            Revenue = record.RevenueType,
            Description = deal.IsVoid ? $"Reversal of voided {(isBonus ? "bonus" : "deal")} {record.RecordId} from {original}: {what}"
                : original is null ? label : $"Prior-period adjustment {original}: {label}",
            OriginalPeriod = original,
            Amount = fx.Value.Value.ConvertAndRound(sign * (usd ?? amount.Value)),
            EarnedOn = context.Calendar.LocalDateOf(record.EarnedAt),
            Sources = new LineSources(1, 0, 0),
            PartnerId = record.PartnerId,
            RecordId = record.RecordId,
            Brand = record.Brand,
            Reference = record.Reference,
            Diamonds = diamonds is { } d ? new Diamonds(sign * d.Value) : null,
            Usd = sign * usd,
            SourceAmount = amount,
            AgencyCommissionOverride = record.AgencyCommissionRate,
            Rates = rates,
        };
    }
}
