using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Tests.Rates;

/// <summary>DOMAIN.md §5 chain: 31,299 coins → 15,649.5 diamonds → 78.2475 USD; gross 328.6395 USD.</summary>
public sealed class GiftRatesTests
{
    private static readonly GiftRates Rates = new(
        new Versioned<DiamondsPerCoin>("d", new LocalDate(2024, 1, 1), new DiamondsPerCoin(0.5m)),
        new Versioned<UsdPerDiamond>("u", new LocalDate(2024, 1, 1), new UsdPerDiamond(0.005m)),
        new Versioned<UsdPerCoin>("c", new LocalDate(2024, 1, 1), new UsdPerCoin(0.0105m)));

    [Fact]
    public void DiamondsFor_IsExactNeverRounded() => Assert.Equal(15_649.5m, Rates.DiamondsFor(new Coins(31_299)).Value);

    [Fact]
    public void UsdFor_IsExact() => Assert.Equal(78.2475m, Rates.UsdFor(new Coins(31_299)));

    [Fact]
    public void GrossUsdFor_UsesTheReferenceCoinPrice() => Assert.Equal(328.6395m, Rates.GrossUsdFor(new Coins(31_299)));

    [Fact]
    public void UsdFor_NegativeCoins_IsNegative() => Assert.Equal(-5m, Rates.UsdFor(new Coins(-2000)));

    [Fact]
    public void RateTypes_NonPositive_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiamondsPerCoin(0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UsdPerDiamond(-0.005m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UsdPerCoin(0m));
    }
}
