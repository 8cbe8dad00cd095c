using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Payouts.Domain.Monetary;

/// <summary>An ISO 4217 currency and the number of minor units it is paid in.</summary>
public sealed class Currency : IEquatable<Currency>
{
    private static readonly FrozenDictionary<string, Currency> ByCode = new Currency[]
    {
        new("EUR", 2), new("USD", 2), new("GBP", 2), new("JPY", 0), new("KWD", 3), new("BHD", 3),
        new("BRL", 2), new("CAD", 2), new("AUD", 2), new("CHF", 2), new("SEK", 2), new("NOK", 2),
        new("DKK", 2), new("PLN", 2), new("CZK", 2), new("HUF", 2), new("RON", 2), new("TRY", 2),
        new("IDR", 2), new("PHP", 2), new("VND", 0), new("KRW", 0), new("MXN", 2), new("INR", 2),
        new("SGD", 2), new("HKD", 2), new("NZD", 2), new("ZAR", 2), new("AED", 2), new("SAR", 2),
        new("THB", 2), new("MYR", 2), new("CLP", 0), new("COP", 2), new("ARS", 2), new("EGP", 2),
        new("NGN", 2), new("TWD", 2), new("ILS", 2), new("JOD", 3), new("OMR", 3), new("TND", 3),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
        MinorPerMajor = Pow10(minorUnits);
    }

    public static Currency EUR => FromCode("EUR");
    public static Currency USD => FromCode("USD");
    public static Currency JPY => FromCode("JPY");
    public static Currency KWD => FromCode("KWD");

    /// <summary>The three-letter ISO code, upper case.</summary>
    public string Code { get; }

    /// <summary>The ISO 4217 exponent: EUR 2, JPY 0, KWD 3.</summary>
    public int MinorUnits { get; }

    /// <summary>How many minor units make one major unit: 100 for EUR, 1 for JPY, 1000 for KWD.</summary>
    public long MinorPerMajor { get; }

    public static IEnumerable<Currency> All => ByCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    public static bool TryFromCode(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is not null && ByCode.TryGetValue(code, out currency);
    }

    public static Currency FromCode(string code) =>
        TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a supported ISO 4217 currency code.", nameof(code));

    public bool Equals(Currency? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    public override string ToString() => Code;

    public static bool operator ==(Currency? left, Currency? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Currency? left, Currency? right) => !(left == right);

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
