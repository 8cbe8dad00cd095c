using Payouts.Domain.Monetary;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Agencies;

/// <summary>
/// One creator of the agency in the period: the creator statement it comes from and the agency's commission on it by
/// revenue type, or, for a blocked creator, only the status and the block codes (no amount).
/// </summary>
public sealed record AgencyCreatorLine(
    string CreatorId,
    AgencyCreatorStatus Status,
    StatementId? Statement,
    string? ContentHash,
    AgencyCommission? Commission,
    IReadOnlyList<string> BlockCodes)
{
    public Currency? Currency => Commission?.Currency;

    /// <summary>The creator is not paid this period (blocked, or a balance carried forward).</summary>
    public bool IsUnpaid => Status != AgencyCreatorStatus.Issued;
}
