using Payouts.Domain.Monetary;

namespace Payouts.Domain.Rates;

/// <summary>The three rates that value gifts on one date in one region, with their versions.</summary>
public sealed record GiftRates(
    Versioned<DiamondsPerCoin> DiamondsPerCoin,
    Versioned<UsdPerDiamond> UsdPerDiamond,
    Versioned<UsdPerCoin> UsdPerCoinReference)
{
    public Diamonds DiamondsFor(Coins coins) => DiamondsPerCoin.Value.Convert(coins);

    public decimal UsdFor(Coins coins) => UsdPerDiamond.Value.ToUsd(DiamondsFor(coins));

    public decimal GrossUsdFor(Coins coins) => UsdPerCoinReference.Value.ToUsd(coins);
}
