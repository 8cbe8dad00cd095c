using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>What a reissue did: the new version's id and payable difference, or why nothing changed.</summary>
public sealed record ReissueOutcome(ReissueResult Result, StatementId? NewId = null, string? Detail = null, IReadOnlyList<string>? Reasons = null)
{
    public StatementHeader? Header { get; init; }
}
