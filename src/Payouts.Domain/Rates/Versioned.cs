using NodaTime;

namespace Payouts.Domain.Rates;

/// <summary>
/// One version of a piece of reference data, valid from a local date (in the period zone) until the next version
/// of the same series starts. The version id is printed on every statement line that used it.
/// </summary>
public sealed record Versioned<T>(string VersionId, LocalDate From, T Value);
