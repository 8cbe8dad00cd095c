using Payouts.Application.Outbox;
using Payouts.Domain.Agencies;
using Payouts.Domain.Periods;

namespace Payouts.Application.Agencies;

/// <summary>What issuing one agency's statement for one period did.</summary>
public sealed record AgencyIssueOutcome(string AgencyId, PeriodKey Period, AgencyIssueResult Result, AgencyStatementId? Id = null)
{
    /// <summary>Outbox deliveries made sure of, for an immediate dispatch.</summary>
    public IReadOnlyList<OutboxDelivery> Deliveries { get; init; } = [];

    public IReadOnlyList<string> Reasons { get; init; } = [];
}
