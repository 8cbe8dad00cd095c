namespace Payouts.Domain.Statements;

/// <summary>A rate as printed on a statement: what it is, which version, and its exact value.</summary>
public sealed record AppliedRate(string Name, string VersionId, decimal Value);
