using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Agencies;

/// <summary>
/// An issued creator statement (its latest version) as the agency statement reads it: identity and content hash,
/// status, currency, its lines as issued, the commission total its header states, and the commission rates of the
/// contract version it was computed with (to tell which revenue lines each commission line was charged on).
/// </summary>
public sealed record CreatorStatementInput(
    StatementId Id,
    string ContentHash,
    StatementStatus Status,
    Currency Currency,
    CommissionRates ContractRates,
    IReadOnlyList<StatementLine> Lines,
    Money AgencyCommission)
{
    public string CreatorId => Id.CreatorId;

    public AgencyStatementSource Source => AgencyStatementSource.Of(Id, ContentHash);
}
