using NodaTime;

namespace Payouts.Domain.Statements;

/// <summary>A rate as printed on a statement: what it is, which version, and its exact value.</summary>
public sealed record AppliedRate(string Name, string VersionId, decimal Value)
{
    /// <summary>The first day the version applies (reference data); null for contract terms and identity FX.</summary>
    public LocalDate? From { get; init; }
}
