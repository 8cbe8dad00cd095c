using Payouts.Domain.Monetary;

namespace Payouts.Domain.Tests.Monetary;

public sealed class MoneyArithmeticTests
{
    private static readonly Money TenEuros = new(1000, Currency.EUR);
    private static readonly Money TenDollars = new(1000, Currency.USD);

    [Fact]
    public void Add_SameCurrency_AddsMinorUnits() => Assert.Equal(new Money(1250, Currency.EUR), TenEuros + new Money(250, Currency.EUR));

    [Fact]
    public void Subtract_SameCurrency_SubtractsMinorUnits() => Assert.Equal(new Money(-250, Currency.EUR), new Money(750, Currency.EUR) - TenEuros);

    [Fact]
    public void Add_DifferentCurrencies_Throws() => Assert.Throws<InvalidOperationException>(() => TenEuros + TenDollars);

    [Fact]
    public void Subtract_DifferentCurrencies_Throws() => Assert.Throws<InvalidOperationException>(() => TenEuros - TenDollars);

    [Fact]
    public void Compare_DifferentCurrencies_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => TenEuros < TenDollars);
        Assert.Throws<InvalidOperationException>(() => TenEuros >= TenDollars);
        Assert.Throws<InvalidOperationException>(() => TenEuros.CompareTo(TenDollars));
    }

    [Fact]
    public void Add_SameMinorUnitsDifferentExponent_StillThrows() =>
        Assert.Throws<InvalidOperationException>(() => new Money(100, Currency.EUR) + new Money(100, Currency.FromCode("GBP")));

    [Fact]
    public void Equals_SameAmountDifferentCurrency_IsFalse()
    {
        Assert.NotEqual(TenEuros, TenDollars);
        Assert.True(TenEuros != TenDollars);
    }

    [Fact]
    public void Equals_SameAmountSameCurrency_IsTrueWithSameHash()
    {
        var other = new Money(1000, Currency.FromCode("EUR"));
        Assert.True(TenEuros == other);
        Assert.True(TenEuros.Equals((object)other));
        Assert.Equal(TenEuros.GetHashCode(), other.GetHashCode());
    }

    [Fact]
    public void Ordering_SameCurrency_FollowsMinorUnits()
    {
        var small = new Money(-1, Currency.EUR);
        Assert.True(small < TenEuros);
        Assert.True(TenEuros > small);
        Assert.True(TenEuros <= new Money(1000, Currency.EUR));
        Assert.True(TenEuros >= new Money(1000, Currency.EUR));
        Assert.Equal(0, TenEuros.CompareTo(new Money(1000, Currency.EUR)));
    }

    [Fact]
    public void Negate_FlipsSignKeepsCurrency()
    {
        Assert.Equal(new Money(-1000, Currency.EUR), TenEuros.Negate());
        Assert.Equal(new Money(-1000, Currency.EUR), -TenEuros);
        Assert.Equal(TenEuros, -(-TenEuros));
    }

    [Fact]
    public void Negate_MinValue_ThrowsOverflow() => Assert.Throws<OverflowException>(() => new Money(long.MinValue, Currency.EUR).Negate());

    [Fact]
    public void Add_PastLongMaxValue_ThrowsOverflow() =>
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue, Currency.EUR) + new Money(1, Currency.EUR));

    [Fact]
    public void Zero_IsZeroAndNotNegative()
    {
        var zero = Money.Zero(Currency.JPY);
        Assert.True(zero.IsZero);
        Assert.False(zero.IsNegative);
        Assert.Equal("JPY", zero.Currency.Code);
        Assert.True(new Money(-1, Currency.JPY).IsNegative);
        Assert.False(new Money(1, Currency.JPY).IsZero);
    }

    [Fact]
    public void Default_HasNoCurrency_Throws() => Assert.Throws<InvalidOperationException>(() => default(Money).Currency);

    [Fact]
    public void Constructor_NullCurrency_Throws() => Assert.Throws<ArgumentNullException>(() => new Money(1, null!));
}
