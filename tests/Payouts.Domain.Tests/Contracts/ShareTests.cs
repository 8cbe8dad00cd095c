using Payouts.Domain.Contracts;

namespace Payouts.Domain.Tests.Contracts;

public sealed class ShareTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.15")]
    [InlineData("0.999999")]
    [InlineData("1")]
    public void Constructor_WithinZeroAndOne_Accepts(string value)
    {
        var share = new Share(Dec(value));
        Assert.Equal(Dec(value), share.Value);
        Assert.True(Share.TryCreate(Dec(value), out var created));
        Assert.Equal(share, created);
    }

    [Theory]
    [InlineData("-0.0001")]
    [InlineData("1.0001")]
    [InlineData("-1")]
    [InlineData("15")]
    public void Constructor_OutsideZeroAndOne_Throws(string value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Share(Dec(value)));
        Assert.False(Share.TryCreate(Dec(value), out var share));
        Assert.Equal(default, share);
    }

    [Theory]
    [InlineData("0.15", "15 %")]
    [InlineData("0.125", "12.5 %")]
    [InlineData("0", "0 %")]
    [InlineData("1", "100 %")]
    [InlineData("0.12345", "12.345 %")]
    public void ToString_IsAPercentage(string value, string expected) => Assert.Equal(expected, new Share(Dec(value)).ToString());

    [Fact]
    public void None_IsZero()
    {
        Assert.True(Share.None.IsZero);
        Assert.False(new Share(0.01m).IsZero);
    }

    private static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
