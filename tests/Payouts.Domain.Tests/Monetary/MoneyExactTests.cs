using Payouts.Domain.Monetary;

namespace Payouts.Domain.Tests.Monetary;

public sealed class MoneyExactTests
{
    [Theory]
    [InlineData("1250.00", "EUR", 125_000)]
    [InlineData("1250", "EUR", 125_000)]
    [InlineData("500.000", "EUR", 50_000)] // trailing zeros are not extra precision
    [InlineData("-0.01", "EUR", -1)]
    [InlineData("1500", "JPY", 1500)]
    [InlineData("1.001", "KWD", 1001)]
    [InlineData("0", "USD", 0)]
    public void TryFromExact_AmountWithinCurrencyPrecision_ReturnsExactMinorUnits(string amount, string currency, long minor)
    {
        Assert.True(Money.TryFromExact(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(currency), out var money));
        Assert.Equal(minor, money.MinorUnits);
        Assert.Equal(currency, money.Currency.Code);
    }

    [Theory]
    [InlineData("1.001", "EUR")]
    [InlineData("-1.001", "EUR")]
    [InlineData("0.5", "JPY")]
    [InlineData("1.0005", "KWD")]
    [InlineData("0.001", "USD")]
    [InlineData("100000000000000000000", "EUR")] // beyond long minor units
    public void TryFromExact_AmountNotRepresentable_ReturnsFalse(string amount, string currency)
    {
        Assert.False(Money.TryFromExact(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(currency), out var money));
        Assert.Equal(default, money);
    }

    [Fact]
    public void TryFromExact_HugeDecimal_ReturnsFalseInsteadOfThrowing()
    {
        Assert.False(Money.TryFromExact(decimal.MaxValue, Currency.KWD, out _));
        Assert.False(Money.TryFromExact(decimal.MinValue, Currency.EUR, out _));
    }

    [Theory]
    [InlineData(7199, "EUR", "71.99")]
    [InlineData(-1440, "EUR", "-14.40")]
    [InlineData(0, "EUR", "0.00")]
    [InlineData(5, "EUR", "0.05")]
    [InlineData(1200, "JPY", "1200")]
    [InlineData(-3, "JPY", "-3")]
    [InlineData(1500, "KWD", "1.500")]
    [InlineData(-1, "KWD", "-0.001")]
    [InlineData(123_456_789, "USD", "1234567.89")]
    public void ToAmountString_MinorUnits_HasExactlyTheCurrencyDecimals(long minor, string currency, string expected) =>
        Assert.Equal(expected, new Money(minor, Currency.FromCode(currency)).ToAmountString());

    [Fact]
    public void Amount_IsMajorUnitsExactly()
    {
        Assert.Equal(71.99m, new Money(7199, Currency.EUR).Amount);
        Assert.Equal(1.234m, new Money(1234, Currency.KWD).Amount);
        Assert.Equal(42m, new Money(42, Currency.JPY).Amount);
    }

    [Fact]
    public void ToString_ShowsAmountAndCode()
    {
        Assert.Equal("71.99 EUR", new Money(7199, Currency.EUR).ToString());
        Assert.Equal("(no money)", default(Money).ToString());
    }

    [Fact]
    public void RoundTrip_ExactAmountThroughText_IsLossless()
    {
        Assert.True(Money.TryFromExact(decimal.Parse("-1234.56", System.Globalization.CultureInfo.InvariantCulture), Currency.EUR, out var money));
        Assert.Equal("-1234.56", money.ToAmountString());
    }
}
