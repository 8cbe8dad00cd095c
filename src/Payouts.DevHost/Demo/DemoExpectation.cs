namespace Payouts.DevHost.Demo;

/// <summary>
/// What each creator's statement must say, worked out from the records the demo sent with DOMAIN.md §4's arithmetic
/// (the demo's own check, independent of the app's calculator): lines rounded once, half away from zero; commission per
/// revenue type and rate; payable when the balance reaches the minimum, else carried forward.
/// </summary>
public sealed record DemoExpectation(
    string CreatorId,
    string Currency,
    long Coins,
    decimal Gifts,
    decimal Deals,
    decimal Bonuses,
    decimal AgencyCommission,
    decimal Net,
    decimal Payable,
    decimal CarriedForward,
    int Records)
{
    public string Status => Payable != 0 ? "issued" : "carriedForward";

    public static IReadOnlyList<DemoExpectation> For(DemoScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var expectations = new List<DemoExpectation>();
        foreach (var creator in scenario.Creators)
        {
            var records = scenario.All.Where(r => r.CreatorId == creator.CreatorId && !r.Invalid).ToList();
            decimal Fx(string unit) => unit == creator.Currency ? 1m : unit == "USD" && creator.Currency == "EUR" ? scenario.UsdToEur : throw new InvalidOperationException($"No demo FX {unit}→{creator.Currency}.");
            var usdToPayout = Fx("USD");
            var gifts = records.Where(r => !r.IsDeal).ToList();
            var coins = gifts.Sum(r => r.Coins);
            var giftAmount = gifts.Count == 0 ? 0m : Round(coins * scenario.DiamondsPerCoin * scenario.UsdPerDiamond * usdToPayout);
            var dealLines = records.Where(r => r.IsDeal).Select(r => (Record: r, Amount: r.Unit == "DIAMOND" ? Round(r.Amount * scenario.UsdPerDiamond * usdToPayout) : Round(r.Amount * Fx(r.Unit!)))).ToList();
            var deals = dealLines.Where(l => l.Record.Revenue == "deals").Sum(l => l.Amount);
            var bonuses = dealLines.Where(l => l.Record.Revenue == "bonuses").Sum(l => l.Amount);

            var commission = 0m;
            if (gifts.Count > 0 && creator.CommissionGifts != 0)
            {
                commission -= Round(creator.CommissionGifts * giftAmount);
            }

            foreach (var group in dealLines.Where(_ => creator.AgencyId is not null).GroupBy(l => (l.Record.Revenue, Rate: l.Record.CommissionOverride ?? (l.Record.Revenue == "deals" ? creator.CommissionDeals : creator.CommissionBonuses))))
            {
                if (group.Key.Rate != 0)
                {
                    commission -= Round(group.Key.Rate * group.Sum(l => l.Amount));
                }
            }

            var net = giftAmount + deals + bonuses + commission;
            var pays = net > 0 && net >= creator.MinimumPayout;
            expectations.Add(new DemoExpectation(creator.CreatorId, creator.Currency, coins, giftAmount, deals, bonuses, commission, net, pays ? net : 0m, pays ? 0m : net, records.Count));
        }

        return expectations;
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
