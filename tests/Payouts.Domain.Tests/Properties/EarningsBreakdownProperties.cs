using CsCheck;
using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Properties;

/// <summary>
/// The breakdowns against the statement's own lines on generated periods (gifts and refunds in a few LIVEs, with a
/// few gifts, across two diamondsPerCoin versions, late October records, deals and bonuses): every list adds up to the
/// lines exactly, and no part is more than a minor unit per rate version from its own rounding.
/// </summary>
public sealed class EarningsBreakdownProperties
{
    private static readonly RateBook TwoVersions = Builders.RatesWith(new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 11, 16), 0.55m, "dpc-FR-2026-11-16"));

    private static readonly Gen<GiftEntry> Entry =
        Gen.Select(StatementGen.Gift, Gen.Int[0, 3], Gen.Int[0, 6], (gift, live, giftId) =>
            StatementGen.ToEntry(gift with { LiveId = live == 0 ? null : $"live-{live}", GiftId = $"gift-{giftId}" }));

    private static readonly Gen<StatementRequest> Request =
        Gen.Select(Entry.Array[0, 40], StatementGen.Deal.Array[0, 6], (gifts, deals) =>
            Builders.Request(gifts, deals.Select(Builders.DealOf).ToArray(), rates: TwoVersions));

    [Fact]
    public void Breakdown_GeneratedPeriods_AddsUpToTheStatementsOwnLines() =>
        Request.Sample(
            request =>
            {
                var statement = StatementCalculator.Calculate(request);
                var earnings = statement.Earnings!;
                long Sum(IEnumerable<Money> amounts) => amounts.Sum(m => m.MinorUnits);
                var current = statement.Lines.Where(l => l.IsRevenue && !l.IsAdjustment).ToList();
                var currentGifts = request.Gifts.Where(g => g.Period == Builders.November).ToList();

                Assert.Equal(Sum(current.Select(l => l.Amount)), Sum(earnings.Days.Select(d => d.Total)));
                Assert.Equal(Sum(current.Where(l => l.Kind == LineKind.Gifts).Select(l => l.Amount)), Sum(earnings.Days.Select(d => d.Gifts)));
                Assert.Equal(Sum(current.Where(l => l.Kind == LineKind.Gifts).Select(l => l.Amount)), Sum(earnings.Lives.Select(l => l.Amount)));
                Assert.Equal(currentGifts.Sum(g => g.Coins.Value), earnings.Lives.Sum(l => l.Coins.Value));
                Assert.Equal(currentGifts.Sum(g => g.IsRefund ? -g.Quantity : g.Quantity), earnings.Lives.Sum(l => l.Gifts));
                Assert.Equal(Sum(current.Where(l => l.Kind == LineKind.Deal).Select(l => l.Amount)), Sum(earnings.Days.Select(d => d.Deals)));
                Assert.Equal(Sum(current.Where(l => l.Kind == LineKind.Bonus).Select(l => l.Amount)), Sum(earnings.Days.Select(d => d.Bonuses)));
                Assert.True(earnings.TopGifts.Count <= EarningsBreakdown.TopGiftCount);
                Assert.All(earnings.TopGifts, g => Assert.True(g.Coins.Value > 0));
                Assert.Equal(earnings.TopGifts.Select(g => g.Amount.MinorUnits).OrderDescending(), earnings.TopGifts.Select(g => g.Amount.MinorUnits));
                foreach (var live in earnings.Lives)
                {
                    var own = OwnRounding(currentGifts.Where(g => g.LiveId == live.LiveId), statement.Currency!);
                    Assert.InRange(live.Amount.MinorUnits, own - 2, own + 2);
                }
            },
            iter: 300);

    /// <summary>A LIVE's gifts valued on their own, rounded once per rate version: what its share may differ from by a unit a version.</summary>
    private static long OwnRounding(IEnumerable<GiftEntry> gifts, Currency currency) =>
        gifts.GroupBy(g => g.ValuedAt < Instant.FromUtc(2026, 11, 15, 23, 0) ? 0.5m : 0.55m)
            .Sum(version => Money.Round(version.Sum(g => g.Coins.Value) * version.Key * 0.005m * 0.92m, currency).MinorUnits);
}
