using Payouts.Domain.Monetary;

namespace Payouts.Domain.Tests.Monetary;

public sealed class CoinsAndDiamondsTests
{
    [Fact]
    public void Coins_AddAndSubtract_AreExact()
    {
        Assert.Equal(new Coins(31_299), new Coins(32_299) - new Coins(1000));
        Assert.Equal(new Coins(1), new Coins(-4) + new Coins(5));
        Assert.Equal(0, Coins.Zero.Value);
    }

    [Fact]
    public void Coins_Overflow_Throws() => Assert.Throws<OverflowException>(() => new Coins(long.MaxValue) + new Coins(1));

    [Fact]
    public void Coins_Underflow_Throws() => Assert.Throws<OverflowException>(() => new Coins(long.MinValue) - new Coins(1));

    [Fact]
    public void Coins_ToString_IsInvariantWithoutSeparators() => Assert.Equal("-31299", new Coins(-31_299).ToString());

    [Fact]
    public void Diamonds_AreExactDecimals()
    {
        Assert.Equal(new Diamonds(15_649.5m), new Diamonds(15_000m) + new Diamonds(649.5m));
        Assert.Equal("15649.5", new Diamonds(15_649.5m).ToString());
        Assert.Equal(0m, Diamonds.Zero.Value);
    }
}
