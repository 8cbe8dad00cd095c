using CsCheck;
using NodaTime;
using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.Tests.Properties.Model;

/// <summary>Scenarios for the model check: October (prior-period) and November records across the rate changes.</summary>
internal static class ModelScenarioGen
{
    private static readonly Instant First = Instant.FromUtc(2026, 10, 1, 0, 0);

    /// <summary>From 1 October 02:00 to 30 November 23:59 in Paris, to the minute: both sides of every rate change.</summary>
    private static readonly Gen<Instant> When = Gen.Int[0, (60 * 24 * 60) + (22 * 60) + 59].Select(minutes => First + Duration.FromMinutes(minutes));

    private static readonly Gen<decimal?> OwnRate = Gen.Int[-1, 50].Select(p => p < 0 ? (decimal?)null : p / 100m);

    private static readonly Gen<ModelScenario.Deal> Deal =
        Gen.Select(Gen.Int[0, 3], Gen.Int[-100_000, 2_000_000], When, OwnRate, (kind, cents, at, rate) =>
        {
            var amount = (cents == 0 ? 1 : cents) / 100m;
            return kind switch
            {
                0 => new ModelScenario.Deal(false, amount, "EUR", at, rate),
                1 => new ModelScenario.Deal(false, amount, "GBP", at, rate),
                2 => new ModelScenario.Deal(true, amount, "USD", at, rate),
                _ => new ModelScenario.Deal(true, amount, "DIAMOND", at, rate),
            };
        });

    /// <summary>Gifts first; then each refund names one of them (or, one time in five, a gift never sent to us).</summary>
    private static readonly Gen<List<ModelScenario.Gift>> Gifts =
        Gen.Select(Gen.Int[1, GiftRecordReader.MaxCoinsPerGift], Gen.Int[1, 300], When).Array[0, 20].SelectMany(gifts =>
            Gen.Select(Gen.Int[0, gifts.Length * 5], Gen.Int[1, 200], When).Array[0, Math.Min(6, gifts.Length + 1)].Select(refunds =>
            {
                var list = gifts.Select(g => new ModelScenario.Gift(g.Item1, g.Item2, g.Item3, false, null)).ToList();
                foreach (var (target, quantity, at) in refunds)
                {
                    int? original = target < gifts.Length * 4 && gifts.Length > 0 ? target % gifts.Length : null;
                    var coins = original is { } o ? gifts[o].Item1 : 1 + (target % 1000);
                    var when = original is { } refunded && gifts[refunded].Item3 > at ? gifts[refunded].Item3 : at;
                    list.Add(new ModelScenario.Gift(coins, quantity, when, true, original));
                }

                return list;
            }));

    /// <summary>Gifts and deals an earlier statement counted, voided now (none, most of the time).</summary>
    private static readonly Gen<(ModelScenario.Gift[] Gifts, ModelScenario.Deal[] Deals)> Voided =
        Gen.Select(
            Gen.Select(Gen.Int[1, GiftRecordReader.MaxCoinsPerGift], Gen.Int[1, 300], When, (coins, quantity, at) => new ModelScenario.Gift(coins, quantity, at, false, null)).Array[0, 3],
            Deal.Array[0, 3],
            (gifts, deals) => (gifts, deals));

    public static readonly Gen<ModelScenario> Scenario =
        Gen.Select(
            Gen.Select(Gen.OneOf("EUR", "JPY", "KWD", "IDR", "VND"), Gen.Int[0, 50], Gen.Int[0, 50], Gen.Int[0, 50], Gen.Int[0, 30]),
            Gen.Int[0, 10_000],
            Gen.Int[-50_000, 50_000],
            Gifts,
            Deal.Array[0, 8],
            (contract, minimumCents, broughtForward, gifts, deals) =>
            {
                var (currency, gift, deal, bonus, withholding) = contract;
                var minimum = decimal.Round(minimumCents / 100m, ModelWorld.Exponent(currency), MidpointRounding.AwayFromZero);
                return new ModelScenario(currency, gift / 100m, deal / 100m, bonus / 100m, withholding / 100m, minimum, broughtForward, gifts, deals);
            })
            .SelectMany(scenario => Voided.Select(voided => scenario with { VoidedGifts = voided.Gifts, VoidedDeals = voided.Deals }));
}
