namespace Payouts.Domain.Agencies;

/// <summary>The version a new agency statement replaces: its number, what it was built from, and its totals per currency.</summary>
public sealed record AgencyPreviousVersion(int Version, IReadOnlyList<AgencyStatementSource> Sources, IReadOnlyList<AgencyCurrencyTotal> Totals);
