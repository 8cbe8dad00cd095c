using System.Globalization;

namespace Payouts.Domain.Monetary;

/// <summary>
/// An amount in whole minor units of one currency. Arithmetic is only defined within one currency;
/// crossing currencies needs a named <see cref="Rates.FxRate"/> and an explicit rounding.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    private readonly Currency? _currency;

    public Money(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        MinorUnits = minorUnits;
        _currency = currency;
    }

    public long MinorUnits { get; }

    public Currency Currency => _currency ?? throw new InvalidOperationException("Money has no currency: use Money.Zero(currency).");

    public bool IsZero => MinorUnits == 0;

    public bool IsNegative => MinorUnits < 0;

    /// <summary>The amount in major units, exact: 7199 EUR minor units is 71.99.</summary>
    public decimal Amount => decimal.Divide(MinorUnits, Currency.MinorPerMajor);

    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>
    /// Rounds an exact decimal amount (in major units) to the currency's minor units, midpoint away from zero.
    /// This is the one place money is rounded: once per statement line.
    /// </summary>
    public static Money Round(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var rounded = decimal.Round(amount, currency.MinorUnits, MidpointRounding.AwayFromZero);
        return new Money(checked((long)(rounded * currency.MinorPerMajor)), currency);
    }

    /// <summary>Parses an exact amount such as "1250.00"; fails when it has more decimals than the currency allows.</summary>
    public static bool TryFromExact(decimal amount, Currency currency, out Money money)
    {
        money = default;

        // Anything this large cannot be a long count of minor units; checking first keeps a Try method from throwing.
        if (decimal.Abs(amount) > decimal.MaxValue / currency.MinorPerMajor)
        {
            return false;
        }

        var scaled = amount * currency.MinorPerMajor;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        money = new Money((long)scaled, currency);
        return true;
    }

    public Money Negate() => new(checked(-MinorUnits), Currency);

    public static Money operator +(Money left, Money right) => new(checked(left.MinorUnits + right.SameCurrencyAs(left).MinorUnits), left.Currency);

    public static Money operator -(Money left, Money right) => new(checked(left.MinorUnits - right.SameCurrencyAs(left).MinorUnits), left.Currency);

    public static Money operator -(Money value) => value.Negate();

    public static bool operator ==(Money left, Money right) => left.Equals(right);

    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public int CompareTo(Money other) => MinorUnits.CompareTo(other.SameCurrencyAs(this).MinorUnits);

    public bool Equals(Money other) => MinorUnits == other.MinorUnits && _currency == other._currency;

    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(MinorUnits, _currency);

    /// <summary>Invariant major-unit text with exactly the currency's decimals, e.g. "-14.40" or "1200".</summary>
    public string ToAmountString() => Amount.ToString("F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public override string ToString() => _currency is null ? "(no money)" : $"{ToAmountString()} {Currency.Code}";

    private Money SameCurrencyAs(Money other) =>
        Currency == other.Currency
            ? this
            : throw new InvalidOperationException($"Cannot combine {Currency.Code} with {other.Currency.Code} without an exchange rate.");
}
