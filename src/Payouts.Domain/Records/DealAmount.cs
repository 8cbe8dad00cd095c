using System.Globalization;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Records;

/// <summary>A deal's exact amount: money in an ISO currency, or a number of diamonds for bonuses paid in diamonds.</summary>
public sealed record DealAmount
{
    public const string DiamondUnit = "DIAMOND";

    private DealAmount(decimal value, Currency? currency)
    {
        Value = value;
        Currency = currency;
    }

    public decimal Value { get; }

    /// <summary>The currency, or null when the amount is in diamonds.</summary>
    public Currency? Currency { get; }

    public bool IsDiamonds => Currency is null;

    public string Unit => Currency?.Code ?? DiamondUnit;

    public static DealAmount Of(decimal value, Currency currency) => new(value, currency ?? throw new ArgumentNullException(nameof(currency)));

    public static DealAmount OfDiamonds(decimal diamonds) => new(diamonds, null);

    /// <summary>Canonical text: no trailing zeros, invariant, so "500.00" and "500.0" are the same amount.</summary>
    public string CanonicalValue => Value.ToString("G29", CultureInfo.InvariantCulture) is var s && s.Contains('.', StringComparison.Ordinal)
        ? s.TrimEnd('0').TrimEnd('.')
        : s;

    public override string ToString() => $"{CanonicalValue} {Unit}";
}
