using Payouts.Domain.Monetary;

namespace Payouts.Domain.Rates;

/// <summary>Reference price a viewer pays for one coin; informational only (gross gift value, platform share).</summary>
public sealed record UsdPerCoin
{
    public UsdPerCoin(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    public decimal Value { get; }

    public decimal ToUsd(Coins coins) => coins.Value * Value;
}
