using Payouts.Domain.Monetary;

namespace Payouts.Domain.Tests.Monetary;

/// <summary>DOMAIN.md §4: money is rounded once per line to the currency's minor units, midpoint away from zero.</summary>
public sealed class MoneyRoundingTests
{
    [Theory]
    [InlineData("1.005", "EUR", 101)]
    [InlineData("-1.005", "EUR", -101)]
    [InlineData("1.0049", "EUR", 100)]
    [InlineData("-1.0049", "EUR", -100)]
    [InlineData("0.125", "USD", 13)] // banker's rounding would give 0.12
    [InlineData("-0.125", "USD", -13)]
    [InlineData("0.115", "USD", 12)]
    [InlineData("71.9877", "EUR", 7199)]
    [InlineData("-14.398", "EUR", -1440)]
    [InlineData("0.005", "EUR", 1)]
    [InlineData("-0.005", "EUR", -1)]
    [InlineData("0.0049999", "EUR", 0)]
    [InlineData("2.5", "JPY", 3)] // banker's would give 2
    [InlineData("-2.5", "JPY", -3)]
    [InlineData("0.5", "JPY", 1)]
    [InlineData("-0.5", "JPY", -1)]
    [InlineData("112.5", "JPY", 113)]
    [InlineData("1.49", "JPY", 1)]
    [InlineData("1.0005", "KWD", 1001)]
    [InlineData("-1.0005", "KWD", -1001)]
    [InlineData("0.768625", "KWD", 769)]
    [InlineData("1.0004999", "KWD", 1000)]
    [InlineData("12.5", "VND", 13)]
    [InlineData("0", "EUR", 0)]
    public void Round_Amount_RoundsMidpointAwayFromZero(string amount, string currency, long expectedMinorUnits)
    {
        var money = Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(currency));

        Assert.Equal(expectedMinorUnits, money.MinorUnits);
        Assert.Equal(currency, money.Currency.Code);
    }

    [Fact]
    public void Round_AmountBeyondLongMinorUnits_ThrowsOverflow() =>
        Assert.Throws<OverflowException>(() => Money.Round(100_000_000_000_000_000m, Currency.EUR));

    [Fact]
    public void Round_NullCurrency_Throws() => Assert.Throws<ArgumentNullException>(() => Money.Round(1m, null!));
}
