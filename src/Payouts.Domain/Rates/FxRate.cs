using Payouts.Domain.Monetary;

namespace Payouts.Domain.Rates;

/// <summary>An exchange rate from one currency to another: one unit of <see cref="From"/> buys <see cref="Value"/> units of <see cref="To"/>.</summary>
public sealed record FxRate
{
    public FxRate(Currency from, Currency to, decimal value)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        From = from;
        To = to;
        Value = value;
    }

    public Currency From { get; }

    public Currency To { get; }

    public decimal Value { get; }

    public bool IsIdentity => From == To;

    /// <summary>Converts an exact amount in <see cref="From"/> and rounds it once to <see cref="To"/>'s minor units.</summary>
    public Money ConvertAndRound(decimal amountInFrom) => Money.Round(IsIdentity ? amountInFrom : amountInFrom * Value, To);

    public override string ToString() => $"{From.Code}→{To.Code} {Value}";
}
