using Payouts.Domain.Monetary;

namespace Payouts.Domain.Rates;

/// <summary>The exact USD value of one diamond (commonly 0.005).</summary>
public sealed record UsdPerDiamond
{
    public UsdPerDiamond(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    public decimal Value { get; }

    /// <summary>Exact, unrounded USD: rounding happens once, when the line is converted to the payout currency.</summary>
    public decimal ToUsd(Diamonds diamonds) => diamonds.Value * Value;
}
