using NodaTime;

namespace Payouts.Domain.Rates;

/// <summary>
/// One row of reference data as it is stored and administered. <see cref="Key"/> is the region for per-region rates,
/// empty for global ones and "USD/EUR" for an FX pair.
/// </summary>
public sealed record RateEntry(RateKind Kind, string Key, LocalDate From, decimal Value, string VersionId)
{
    public static string FxKey(string from, string to) => $"{from}/{to}";
}
