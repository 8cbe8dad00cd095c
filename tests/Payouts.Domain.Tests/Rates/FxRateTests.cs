using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Tests.Rates;

public sealed class FxRateTests
{
    private static readonly Currency Eur = Currency.EUR;

    [Theory]
    [InlineData("78.2475", "EUR", "0.92", "71.99")] // DOMAIN.md §5: 71.9877
    [InlineData("10", "EUR", "0.92", "9.20")]
    [InlineData("-0.625", "EUR", "0.92", "-0.58")] // -0.575, away from zero
    [InlineData("0.625", "EUR", "0.92", "0.58")]
    [InlineData("0.75", "JPY", "150", "113")] // 112.5
    [InlineData("-0.75", "JPY", "150", "-113")]
    [InlineData("2.5", "KWD", "0.30745", "0.769")] // 0.768625
    [InlineData("1000", "JPY", "149.995", "149995")]
    public void ConvertAndRound_FromUsd_RoundsOnceAwayFromZero(string usd, string to, string rate, string expected)
    {
        var fx = new FxRate(Currency.USD, Currency.FromCode(to), Dec(rate));
        var money = fx.ConvertAndRound(Dec(usd));
        Assert.Equal(expected, money.ToAmountString());
        Assert.Equal(to, money.Currency.Code);
    }

    [Fact]
    public void ConvertAndRound_Identity_OnlyRounds()
    {
        var fx = new FxRate(Eur, Eur, 1m);
        Assert.True(fx.IsIdentity);
        Assert.Equal("1.01", fx.ConvertAndRound(1.005m).ToAmountString());
    }

    [Fact]
    public void Constructor_ZeroOrNegativeRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FxRate(Currency.USD, Eur, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FxRate(Currency.USD, Eur, -0.92m));
    }

    [Fact]
    public void Constructor_NullCurrency_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new FxRate(null!, Eur, 1m));
        Assert.Throws<ArgumentNullException>(() => new FxRate(Eur, null!, 1m));
    }

    [Fact]
    public void ToString_NamesThePair() => Assert.Equal("USD→EUR 0.92", new FxRate(Currency.USD, Eur, 0.92m).ToString());

    private static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
