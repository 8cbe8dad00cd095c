using Payouts.Domain.Monetary;

namespace Payouts.Domain.Rates;

/// <summary>How many diamonds a creator is credited for one coin received (commonly 0.5).</summary>
public sealed record DiamondsPerCoin
{
    public DiamondsPerCoin(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    public decimal Value { get; }

    public Diamonds Convert(Coins coins) => new(coins.Value * Value);
}
