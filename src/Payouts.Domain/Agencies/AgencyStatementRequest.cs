namespace Payouts.Domain.Agencies;

/// <summary>Everything one agency statement is computed from: the agency's creator statements of the period and its blocked creators.</summary>
public sealed record AgencyStatementRequest(
    AgencyStatementId Id,
    string Zone,
    IReadOnlyList<CreatorStatementInput> Statements,
    IReadOnlyList<BlockedCreator> Blocked)
{
    /// <summary>For a new version: the one it replaces.</summary>
    public AgencyPreviousVersion? Previous { get; init; }
}
