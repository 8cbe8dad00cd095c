using Payouts.Domain.Periods;

namespace Payouts.Application.Statements;

/// <summary>
/// One row of a period's statement index: an issued statement (with its payable) or a blocked creator (with why).
/// </summary>
public sealed record StatementIndexEntry(
    PeriodKey Period,
    string CreatorId,
    string Status,
    string? StatementId,
    string? Currency,
    long NetMinor,
    long PayableMinor,
    long CarriedForwardMinor,
    int RecordCount,
    IReadOnlyList<Payouts.Domain.Statements.BlockReason> BlockedReasons)
{
    /// <summary>The issued statement's agency (null for a blocked creator, or a row indexed before agencies were).</summary>
    public string? AgencyId { get; init; }

    /// <summary>The issued statement's content hash (null for a blocked creator).</summary>
    public string? ContentHash { get; init; }

    public bool IsIssued => StatementId is not null;

    /// <summary>Issued and not replaced by a reissue: what the period pays.</summary>
    public bool IsCurrent => IsIssued && Status != nameof(Payouts.Domain.Statements.StatementStatus.Superseded);
}
