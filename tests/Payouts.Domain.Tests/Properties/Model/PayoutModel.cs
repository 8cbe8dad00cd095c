namespace Payouts.Domain.Tests.Properties.Model;

/// <summary>
/// DOMAIN.md §4 written out again from the text, as a reader would do it by hand, for one creator and one period:
/// value every line, round each once (midpoint away from zero), then charge commission per revenue type and rate,
/// withhold, net, and decide payable against the minimum. Shares nothing with the calculator but the spec.
/// </summary>
internal static class PayoutModel
{
    public static ModelResult Compute(ModelScenario scenario)
    {
        var currency = scenario.PayoutCurrency;
        var exponent = ModelWorld.Exponent(currency);
        decimal Round(decimal value) => decimal.Round(value, exponent, MidpointRounding.AwayFromZero);

        // §4.1 and §4.4: gift lines, one per (period the record belongs to, rate versions in force on the valuing date).
        // A refund is valued at the date of the gift it refunds (its own date when that gift was never sent) and belongs
        // to that gift's period; coins are summed before valuing, and each line is rounded once.
        var usdToPayout = ModelWorld.FxForStatement("USD", currency);
        var giftLines = scenario.Gifts
            .Select(g =>
            {
                var valuedAt = g.IsRefund && g.RefundOf is { } original ? scenario.Gifts[original].OccurredAt : g.OccurredAt;
                var date = ModelWorld.LocalDateOf(valuedAt);
                var perCoin = ModelWorld.InForce(ModelWorld.DiamondsPerCoin, date);
                var perDiamond = ModelWorld.InForce(ModelWorld.UsdPerDiamond, date);
                var reference = ModelWorld.InForce(ModelWorld.UsdPerCoinReference, date);
                var coins = (long)g.CoinsPerGift * g.Quantity * (g.IsRefund ? -1 : 1);
                return (Key: (ModelWorld.PeriodOf(valuedAt), perCoin.Version, perDiamond.Version, reference.Version), Coins: coins, perCoin.Value, PerDiamond: perDiamond.Value);
            })
            .GroupBy(g => g.Key)
            .Select(line =>
            {
                var coins = line.Sum(g => g.Coins);
                var diamonds = coins * line.First().Value;
                var usd = diamonds * line.First().PerDiamond;
                return new ModelLine("gifts", Round(usd * usdToPayout), null) { Period = line.Key.Item1 };
            })
            .ToList();

        // §4.2, §4.3: a line per deal and per bonus at the statement's FX; a diamond bonus through the diamond's USD value
        // on its own date.
        var dealLines = scenario.Deals.Select(d => DealLine(d, currency, usdToPayout, Round)).ToList();

        // Issue 13.5: a voided record that an earlier statement counted is reversed on a line of its own: its value
        // negated, a gift at the rates of its own date, everything at this statement's FX, rounded once.
        var voidLines = scenario.VoidedGifts
            .Select(g =>
            {
                var date = ModelWorld.LocalDateOf(g.OccurredAt);
                var usd = -(long)g.CoinsPerGift * g.Quantity * ModelWorld.InForce(ModelWorld.DiamondsPerCoin, date).Value * ModelWorld.InForce(ModelWorld.UsdPerDiamond, date).Value;
                return new ModelLine("gifts", Round(usd * usdToPayout), null);
            })
            .Concat(scenario.VoidedDeals.Select(d => DealLine(d with { Amount = -d.Amount }, currency, usdToPayout, Round)))
            .ToList();

        // §4.5: per revenue type, the agency takes its rate of that type's lines (a deal's own rate for that deal).
        var contractRate = new Dictionary<string, decimal>
        {
            ["gifts"] = scenario.GiftCommission,
            ["deals"] = scenario.DealCommission,
            ["bonuses"] = scenario.BonusCommission,
        };
        var revenue = giftLines.Concat(dealLines).Concat(voidLines).ToList();
        var commissionLines = revenue
            .GroupBy(l => (l.Type, Rate: l.OwnRate ?? contractRate[l.Type]))
            .Where(group => group.Key.Rate != 0m) // no commission, no line
            .Select(group => -Round(group.Key.Rate * group.Sum(l => l.Amount)))
            .ToList();
        var commission = commissionLines.Sum();

        // §4.6: withholding on what is left after the agency's share.
        var gross = revenue.Sum(l => l.Amount);
        var withholding = scenario.Withholding == 0m || revenue.Count == 0 ? 0m : -Round(scenario.Withholding * (gross + commission));

        // §4.7: net, balance, and the minimum payout rule (negative balances carry forward too).
        var net = gross + commission + withholding;
        var broughtForward = scenario.BroughtForwardMinor / (decimal)Pow10(exponent);
        var balance = broughtForward + net;
        var pays = balance >= scenario.MinimumPayout;
        return new ModelResult(
            Gifts: revenue.Where(l => l.Type == "gifts").Sum(l => l.Amount),
            Deals: revenue.Where(l => l.Type == "deals").Sum(l => l.Amount),
            Bonuses: revenue.Where(l => l.Type == "bonuses").Sum(l => l.Amount),
            AgencyCommission: commission,
            Withholding: withholding,
            Net: net,
            Balance: balance,
            Payable: pays ? balance : 0m,
            CarriedForward: pays ? 0m : balance,
            GiftLines: giftLines.Select(l => l.Amount).Order().ToList(),
            DealLines: dealLines.Select(l => l.Amount).Order().ToList())
        {
            GiftLinesByPeriod = [.. giftLines.Select(l => (l.Period!, l.Amount)).Order()],
            CommissionLines = [.. commissionLines.Order()],
            VoidLines = voidLines.Select(l => l.Amount).Order().ToList(),
        };
    }

    private static ModelLine DealLine(ModelScenario.Deal d, string currency, decimal usdToPayout, Func<decimal, decimal> round)
    {
        var amount = d.Currency == "DIAMOND"
            ? d.Amount * ModelWorld.InForce(ModelWorld.UsdPerDiamond, ModelWorld.LocalDateOf(d.EarnedAt)).Value * usdToPayout
            : d.Amount * ModelWorld.FxForStatement(d.Currency, currency);
        return new ModelLine(d.IsBonus ? "bonuses" : "deals", round(amount), d.CommissionOverride);
    }

    private static long Pow10(int exponent) => exponent switch { 0 => 1, 2 => 100, 3 => 1000, _ => throw new ArgumentOutOfRangeException(nameof(exponent)) };

    private sealed record ModelLine(string Type, decimal Amount, decimal? OwnRate)
    {
        /// <summary>For a gift line: "2026-10" or "2026-11", the period its records belong to.</summary>
        public string? Period { get; init; }
    }
}
