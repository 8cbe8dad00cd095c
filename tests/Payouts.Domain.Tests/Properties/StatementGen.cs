using CsCheck;
using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Properties;

/// <summary>Random statement requests for November 2026 in the §5 world: gifts, refunds, late arrivals from October, deals, bonuses and voids.</summary>
internal static class StatementGen
{
    /// <summary>Up to 22:59 UTC, so never already December in Paris.</summary>
    public static readonly Gen<Instant> InstantInNovemberOrOctober =
        Gen.Select(Gen.Int[0, 4], Gen.Int[1, 30], Gen.Int[0, 22], Gen.Int[0, 59], (late, day, hour, minute) =>
            late == 0 ? Instant.FromUtc(2026, 10, day, hour, minute) : Instant.FromUtc(2026, 11, day, hour, minute));

    public static readonly Gen<GiftRecord> Gift =
        Gen.Select(Gen.Int[1, 50_000], Gen.Int[1, 100], InstantInNovemberOrOctober, Gen.Int[0, 9], (coins, quantity, at, refund) =>
            refund == 0
                ? Builders.Gift("r", coins, quantity, at, GiftKind.Refund, "g-earlier")
                : Builders.Gift("g", coins, quantity, at));

    public static readonly Gen<GiftEntry> Entry = Gift.Select(ToEntry);

    public static readonly Gen<DealRecord> Deal =
        Gen.Select(Gen.OneOf(Enum.GetValues<DealType>()), Gen.Int[-100_000, 1_000_000], Gen.Int[0, 2], InstantInNovemberOrOctober, Gen.Int[-1, 50], Gen.Int[0, 1_000_000])
            .Select((type, cents, unit, at, commission, id) =>
            {
                var amount = cents == 0 ? 1 : cents;
                var dealAmount = unit switch
                {
                    0 => DealAmount.Of(amount / 100m, Currency.EUR),
                    1 => DealAmount.Of(amount / 100m, Currency.USD),
                    _ when type == DealType.EventBonus => DealAmount.OfDiamonds(amount / 100m),
                    _ => DealAmount.Of(amount / 100m, Currency.EUR),
                };
                return Builders.Deal($"d-{id}", type, dealAmount, at, commission: commission < 0 ? null : new Share(commission / 100m));
            });

    public static readonly Gen<CreatorContract> Contract =
        Gen.Select(Gen.Int[0, 50], Gen.Int[0, 50], Gen.Int[0, 50], Gen.Int[0, 30], Gen.Int[0, 10_000], (gifts, deals, bonuses, withholding, minimumCents) =>
            Builders.Contract(
                minimum: minimumCents / 100m,
                withholding: withholding / 100m,
                commission: new CommissionRates(new Share(gifts / 100m), new Share(deals / 100m), new Share(bonuses / 100m))));

    /// <summary>Voids of gifts and deals an earlier statement counted (ids by position: a void names one record).</summary>
    public static readonly Gen<(GiftEntry[] Gifts, DealEntry[] Deals)> Voids =
        Gen.Select(
            Gen.Select(Gen.Int[1, 50_000], Gen.Int[1, 100], InstantInNovemberOrOctober).Array[0, 3],
            Deal.Array[0, 3],
            (gifts, deals) => (
                gifts.Select((g, i) => GiftEntry.ForVoid(new GiftVoid(Builders.Gift($"vg-{i}", g.Item1, g.Item2, g.Item3), g.Item2), Builders.Paris)).ToArray(),
                deals.Select((d, i) => DealEntry.ForVoid(d with { RecordId = $"vd-{i}" }, Builders.Paris)).ToArray()));

    public static readonly Gen<StatementRequest> Request =
        Gen.Select(Entry.Array[0, 30], Deal.Array[0, 8], Contract, Gen.Int[-50_000, 50_000], Voids, (gifts, deals, contract, broughtForward, voids) =>
            Builders.Request([.. gifts, .. voids.Gifts], [.. deals.Select(Builders.DealOf), .. voids.Deals], new Money(broughtForward, Currency.EUR), contract));

    public static GiftEntry ToEntry(GiftRecord record) =>
        record.Kind == GiftKind.Refund
            ? GiftEntry.ForRefund(record, null, Builders.Paris)
            : GiftEntry.From(record, Builders.Paris);

    /// <summary>Kind, revenue type, original period and amount of every line: what a creator is paid, without source counts.</summary>
    public static string MoneyLines(Statement statement) =>
        string.Join("\n", statement.Lines.Select(l => $"{l.Kind}|{l.Revenue}|{l.OriginalPeriod}|{l.Rate?.Value}|{l.Amount}"))
        + "\n" + statement.Totals;
}
