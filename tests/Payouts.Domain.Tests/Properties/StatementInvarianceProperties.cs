using CsCheck;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Properties;

public sealed class StatementInvarianceProperties
{
    [Fact]
    public void Calculate_RecordsShuffled_GivesTheSameStatement() =>
        StatementGen.Request
            .SelectMany(r => Gen.Select(Gen.Shuffle(r.Gifts.ToArray()), Gen.Shuffle(r.Deals.ToArray()), (gifts, deals) => (Original: r, Shuffled: r with { Gifts = gifts, Deals = deals })))
            .Sample(
                pair =>
                {
                    var original = StatementCalculator.Calculate(pair.Original);
                    var shuffled = StatementCalculator.Calculate(pair.Shuffled);
                    Assert.Equal(original.ContentHash, shuffled.ContentHash);
                    Assert.Equal(StatementGen.MoneyLines(original), StatementGen.MoneyLines(shuffled));
                },
                iter: 200);

    [Fact]
    public void Calculate_OneGiftSplitInTwoWithTheSameCoins_ChangesNoMoneyLine() =>
        Gen.Select(StatementGen.Request, StatementGen.Gift.Where(g => g.Quantity >= 2), Gen.Int[1, 99])
            .Sample(
                (request, gift, cut) =>
                {
                    var first = Math.Clamp(cut, 1, gift.Quantity - 1);
                    var whole = request with { Gifts = [.. request.Gifts, StatementGen.ToEntry(gift)] };
                    var split = request with
                    {
                        Gifts =
                        [
                            .. request.Gifts,
                            StatementGen.ToEntry(gift with { RecordId = gift.RecordId + "-a", Quantity = first }),
                            StatementGen.ToEntry(gift with { RecordId = gift.RecordId + "-b", Quantity = gift.Quantity - first }),
                        ],
                    };

                    Assert.Equal(StatementGen.MoneyLines(StatementCalculator.Calculate(whole)), StatementGen.MoneyLines(StatementCalculator.Calculate(split)));
                },
                iter: 200);

    [Fact]
    public void Calculate_GiftOfManyAsOneGiftOfTheirTotal_ChangesNoMoneyLine() =>
        Gen.Select(StatementGen.Request, StatementGen.Gift.Where(g => (long)g.CoinsPerGift * g.Quantity <= 1_000_000))
            .Sample(
                (request, gift) =>
                {
                    var many = request with { Gifts = [.. request.Gifts, StatementGen.ToEntry(gift)] };
                    var one = request with { Gifts = [.. request.Gifts, StatementGen.ToEntry(gift with { CoinsPerGift = gift.CoinsPerGift * gift.Quantity, Quantity = 1 })] };

                    Assert.Equal(StatementGen.MoneyLines(StatementCalculator.Calculate(many)), StatementGen.MoneyLines(StatementCalculator.Calculate(one)));
                },
                iter: 200);
}
