using Payouts.Domain.Monetary;
using Payouts.Domain.Records;

namespace Payouts.Domain.Tests.Records;

public sealed class DealAmountTests
{
    [Theory]
    [InlineData("500.00", "500")]
    [InlineData("500.0", "500")]
    [InlineData("1000", "1000")] // trailing zeros of an integer are significant
    [InlineData("0.50", "0.5")]
    [InlineData("-12.340", "-12.34")]
    [InlineData("1250.05", "1250.05")]
    public void CanonicalValue_DropsOnlyInsignificantZeros(string value, string expected) =>
        Assert.Equal(expected, DealAmount.Of(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Currency.EUR).CanonicalValue);

    [Fact]
    public void ToString_ShowsValueAndUnit()
    {
        Assert.Equal("500 EUR", DealAmount.Of(500.00m, Currency.EUR).ToString());
        Assert.Equal("2000 DIAMOND", DealAmount.OfDiamonds(2000m).ToString());
    }

    [Fact]
    public void OfDiamonds_HasNoCurrency()
    {
        var amount = DealAmount.OfDiamonds(12.5m);
        Assert.True(amount.IsDiamonds);
        Assert.Equal(DealAmount.DiamondUnit, amount.Unit);
    }

    [Fact]
    public void Of_NullCurrency_Throws() => Assert.Throws<ArgumentNullException>(() => DealAmount.Of(1m, null!));

    [Fact]
    public void GiftRecord_Coins_AreSignedByKind()
    {
        var gift = Builders.Gift("g", 1000, 3, Builders.At(1));
        Assert.Equal(3000, gift.Coins.Value);
        Assert.Equal(-3000, (gift with { Kind = GiftKind.Refund }).Coins.Value);
    }
}
