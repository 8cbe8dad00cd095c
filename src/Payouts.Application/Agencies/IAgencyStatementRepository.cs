using NodaTime;
using Payouts.Domain.Agencies;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Agencies;

/// <summary>
/// Where agency statements live: headers (insert-only, one per version), superseded and emitted markers beside them,
/// and a blocked marker per period that could not be issued.
/// </summary>
public interface IAgencyStatementRepository
{
    Task<AgencyStatementHeader?> GetAsync(AgencyStatementId id, CancellationToken ct);

    /// <summary>The agency's latest version for the period, or null before the first.</summary>
    Task<AgencyStatementHeader?> GetLatestAsync(string agencyId, PeriodKey period, CancellationToken ct);

    /// <summary>Every version of every period of the agency, oldest first.</summary>
    Task<IReadOnlyList<AgencyStatementHeader>> ListAsync(string agencyId, CancellationToken ct);

    /// <summary>
    /// The header of a new version and, for a later version, the superseded marker of <paramref name="replaced"/>, all
    /// or nothing, insert-only: false when either exists already (another issuer got there first: look again).
    /// </summary>
    Task<bool> TryCommitAsync(AgencyStatement statement, string buildId, AgencyStatementHeader? replaced, CancellationToken ct);

    Task WriteBlockedAsync(string agencyId, PeriodKey period, IReadOnlyList<BlockReason> reasons, CancellationToken ct);

    Task<IReadOnlyList<BlockedAgencyStatement>> ListBlockedAsync(string agencyId, CancellationToken ct);

    Task<bool> IsEmittedAsync(AgencyStatementId id, CancellationToken ct);

    Task MarkEmittedAsync(AgencyStatementId id, Instant at, CancellationToken ct);
}
