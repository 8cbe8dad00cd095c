using Payouts.Domain.Monetary;

namespace Payouts.Domain.Tests.Monetary;

public sealed class CurrencyTests
{
    // Exponents from the ISO 4217 list (independent of the code's table).
    [Theory]
    [InlineData("EUR", 2, 100)]
    [InlineData("USD", 2, 100)]
    [InlineData("GBP", 2, 100)]
    [InlineData("JPY", 0, 1)]
    [InlineData("KWD", 3, 1000)]
    [InlineData("BRL", 2, 100)]
    [InlineData("CAD", 2, 100)]
    [InlineData("AUD", 2, 100)]
    [InlineData("CHF", 2, 100)]
    [InlineData("SEK", 2, 100)]
    [InlineData("PLN", 2, 100)]
    [InlineData("TRY", 2, 100)]
    [InlineData("IDR", 2, 100)]
    [InlineData("PHP", 2, 100)]
    [InlineData("VND", 0, 1)]
    [InlineData("MXN", 2, 100)]
    [InlineData("KRW", 0, 1)]
    [InlineData("CLP", 0, 1)]
    [InlineData("BHD", 3, 1000)]
    [InlineData("JOD", 3, 1000)]
    [InlineData("OMR", 3, 1000)]
    [InlineData("TND", 3, 1000)]
    public void FromCode_IsoCurrency_HasIsoMinorUnits(string code, int minorUnits, long minorPerMajor)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(minorPerMajor, currency.MinorPerMajor);
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("EURO")]
    [InlineData("XXX")]
    [InlineData("DIAMOND")]
    [InlineData("")]
    [InlineData(" EUR")]
    public void TryFromCode_UnknownOrMiscasedCode_ReturnsFalse(string code)
    {
        Assert.False(Currency.TryFromCode(code, out var currency));
        Assert.Null(currency);
    }

    [Fact]
    public void TryFromCode_Null_ReturnsFalse() => Assert.False(Currency.TryFromCode(null, out _));

    [Fact]
    public void FromCode_UnknownCode_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Currency.FromCode("ZZZ"));

    [Fact]
    public void Shortcuts_ReturnTheNamedCurrencies()
    {
        Assert.Equal("EUR", Currency.EUR.Code);
        Assert.Equal("USD", Currency.USD.Code);
        Assert.Equal("JPY", Currency.JPY.Code);
        Assert.Equal("KWD", Currency.KWD.Code);
    }

    [Fact]
    public void Equality_SameCode_IsEqualWithOperatorsAndHash()
    {
        var a = Currency.FromCode("EUR");
        var b = Currency.EUR;

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(Currency.EUR != Currency.USD);
        Assert.False(Currency.EUR.Equals(null));
    }

    [Fact]
    public void All_IsSortedByCodeAndHasNoDuplicates()
    {
        var codes = Currency.All.Select(c => c.Code).ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z]{3}$", c));
    }

    [Fact]
    public void ToString_IsTheCode() => Assert.Equal("KWD", Currency.KWD.ToString());
}
