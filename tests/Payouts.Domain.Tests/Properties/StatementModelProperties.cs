using CsCheck;
using Payouts.Domain.Contracts;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Properties;

/// <summary>Gifts of one period and one rate version against a hand-written model of DOMAIN.md §4 (0.5 × 0.005 × 0.92).</summary>
public sealed class StatementModelProperties
{
    private static readonly Gen<GiftRecord> NovemberGift =
        Gen.Select(Gen.Int[1, 50_000], Gen.Int[1, 100], Gen.Int[1, 29], Gen.Bool, (coins, quantity, day, refund) =>
            refund
                ? Builders.Gift("r", coins, quantity, Builders.At(day), GiftKind.Refund, "g-x")
                : Builders.Gift("g", coins, quantity, Builders.At(day)));

    [Fact]
    public void Calculate_NovemberGifts_MatchTheModel() =>
        Gen.Select(NovemberGift.Array[1, 40], Gen.Int[0, 50]).Sample(
            (gifts, commissionPercent) =>
            {
                var share = new Share(commissionPercent / 100m);
                var contract = Builders.Contract(commission: new CommissionRates(share, Share.None, Share.None));
                var statement = StatementCalculator.Calculate(Builders.Request(gifts.Select(StatementGen.ToEntry).ToArray(), [], contract: contract));

                long coins = gifts.Sum(g => (long)g.CoinsPerGift * g.Quantity * (g.Kind == GiftKind.Refund ? -1 : 1));
                var giftEur = decimal.Round(coins * 0.5m * 0.005m * 0.92m, 2, MidpointRounding.AwayFromZero);
                var commission = -decimal.Round(share.Value * giftEur, 2, MidpointRounding.AwayFromZero);

                Assert.Equal(giftEur, statement.Lines.Single(l => l.Kind == LineKind.Gifts).Amount.Amount);
                Assert.Equal(commission, statement.Totals!.AgencyCommission.Amount);
                Assert.Equal(giftEur + commission, statement.Totals.Net.Amount);
            },
            iter: 200);
}
