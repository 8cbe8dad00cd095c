using CsCheck;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Tests.Properties;

public sealed class RoundingProperties
{
    private static readonly Gen<Currency> Currencies = Gen.OneOf(Currency.EUR, Currency.USD, Currency.JPY, Currency.KWD, Currency.FromCode("VND"));

    /// <summary>Amounts with up to six decimals: n millionths of a major unit.</summary>
    private static readonly Gen<long> Millionths = Gen.Long[-1_000_000_000_000_000L, 1_000_000_000_000_000L];

    [Fact]
    public void Round_AnyAmount_IsWithinHalfAMinorUnitAndTiesGoAwayFromZero() =>
        Gen.Select(Millionths, Currencies).Sample(
            (n, currency) =>
            {
                var amount = n / 1_000_000m;
                var money = Money.Round(amount, currency);
                var half = 0.5m / currency.MinorPerMajor;
                var error = money.Amount - amount;

                Assert.True(Math.Abs(error) <= half, $"{amount} → {money}");
                if (Math.Abs(error) == half)
                {
                    Assert.True(Math.Abs(money.Amount) > Math.Abs(amount), $"tie {amount} → {money} went toward zero");
                }
            },
            iter: 500);

    [Fact]
    public void Round_AnyAmount_MatchesIntegerRoundHalfAwayFromZero() =>
        Gen.Select(Millionths, Currencies).Sample(
            (n, currency) =>
            {
                // Independent model in integers: minor = n × 10^e / 10^6, remainder ≥ half rounds away from zero.
                var scaled = (System.Numerics.BigInteger)n * currency.MinorPerMajor;
                var quotient = System.Numerics.BigInteger.DivRem(scaled, 1_000_000, out var remainder);
                if (System.Numerics.BigInteger.Abs(remainder) * 2 >= 1_000_000)
                {
                    quotient += scaled.Sign;
                }

                Assert.Equal((long)quotient, Money.Round(n / 1_000_000m, currency).MinorUnits);
            },
            iter: 500);

    [Fact]
    public void Round_ExactTies_GoAwayFromZero() =>
        Gen.Select(Gen.Long[-1_000_000_000L, 1_000_000_000L], Currencies).Sample(
            (k, currency) =>
            {
                var unit = 1m / currency.MinorPerMajor;
                var tie = (k + 0.5m) * unit;
                var expected = tie >= 0 ? k + 1 : k;
                Assert.Equal(expected, Money.Round(tie, currency).MinorUnits);
            },
            iter: 300);

    [Fact]
    public void Round_Negation_IsSymmetric() =>
        Gen.Select(Millionths, Currencies).Sample(
            (n, currency) => Assert.Equal(-Money.Round(n / 1_000_000m, currency).MinorUnits, Money.Round(-n / 1_000_000m, currency).MinorUnits),
            iter: 300);
}
