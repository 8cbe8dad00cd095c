using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Properties.Model;

/// <summary>The same scenario as the calculator's input: domain records, a RateBook of the model's tables, lea's contract.</summary>
internal static class ModelRequest
{
    public static readonly RateBook Rates = new(
        ModelWorld.DiamondsPerCoin.Select(r => new RateEntry(RateKind.DiamondsPerCoin, "FR", r.From, r.Value, r.Version))
            .Concat(ModelWorld.UsdPerDiamond.Select(r => new RateEntry(RateKind.UsdPerDiamond, "FR", r.From, r.Value, r.Version)))
            .Concat(ModelWorld.UsdPerCoinReference.Select(r => new RateEntry(RateKind.UsdPerCoinReference, string.Empty, r.From, r.Value, r.Version)))
            .Concat(ModelWorld.Fx.Select(f => new RateEntry(RateKind.Fx, $"{f.From}/{f.To}", f.On, f.Value, $"fx-{f.From}-{f.To}-{f.On:yyyy-MM-dd}"))));

    public static StatementRequest From(ModelScenario scenario)
    {
        var currency = Currency.FromCode(scenario.PayoutCurrency);
        var contract = Builders.Contract(
            currency,
            scenario.MinimumPayout,
            scenario.Withholding,
            new CommissionRates(new Share(scenario.GiftCommission), new Share(scenario.DealCommission), new Share(scenario.BonusCommission)));
        var records = scenario.Gifts
            .Select((g, i) => Builders.Gift(
                $"{(g.IsRefund ? "r" : "g")}-{i}", g.CoinsPerGift, g.Quantity, g.OccurredAt,
                g.IsRefund ? GiftKind.Refund : GiftKind.Gift,
                g.IsRefund ? $"g-{g.RefundOf ?? 9999}" : null))
            .ToList();
        var gifts = scenario.Gifts
            .Select((g, i) => g.IsRefund
                ? GiftEntry.ForRefund(records[i], g.RefundOf is { } original ? records[original] : null, Builders.Paris)
                : GiftEntry.From(records[i], Builders.Paris))
            .ToList();
        var deals = scenario.Deals.Select((d, i) => Builders.DealOf(DealRecordOf($"d-{i}", i, d))).ToList();
        var voidedGifts = scenario.VoidedGifts
            .Select((g, i) => GiftEntry.ForVoid(new GiftVoid(Builders.Gift($"vg-{i}", g.CoinsPerGift, g.Quantity, g.OccurredAt), g.Quantity), Builders.Paris));
        var voidedDeals = scenario.VoidedDeals
            .Select((d, i) => DealEntry.ForVoid(DealRecordOf($"vd-{i}", i, d), Builders.Paris));
        return Builders.Request([.. gifts, .. voidedGifts], [.. deals, .. voidedDeals], new Money(scenario.BroughtForwardMinor, currency), contract, Rates);
    }

    private static DealRecord DealRecordOf(string recordId, int i, ModelScenario.Deal d) =>
        Builders.Deal(
            recordId,
            d.IsBonus ? DealType.EventBonus : (i % 2 == 0 ? DealType.ProductPlacement : DealType.SponsoredLive),
            d.Currency == "DIAMOND" ? DealAmount.OfDiamonds(d.Amount) : DealAmount.Of(d.Amount, Currency.FromCode(d.Currency)),
            d.EarnedAt,
            commission: d.CommissionOverride is { } rate ? new Share(rate) : null);
}
