using NodaTime;
using Payouts.Domain.Agencies;
using Payouts.Domain.Periods;

namespace Payouts.Application.Agencies;

/// <summary>
/// An issued agency statement as stored: identity, totals per currency, how many creators it lists and how many of
/// them are not paid this period, what it was built from (its sources), and where its documents are. Written once;
/// never updated (a later version is a new header, with a superseded marker beside this one).
/// </summary>
public sealed record AgencyStatementHeader(
    AgencyStatementId Id,
    string Zone,
    string ContentHash,
    Instant? IssuedAt,
    IReadOnlyList<AgencyCurrencyTotal> Totals,
    int Creators,
    int Unpaid,
    IReadOnlyList<AgencyStatementSource> Sources,
    string BuildId,
    string BlobPrefix)
{
    /// <summary>For a version after the first: the version it replaced.</summary>
    public int? Supersedes { get; init; }

    /// <summary>Replaced by a later version (a marker beside the header: the header itself never changes).</summary>
    public bool IsSuperseded { get; init; }

    public string AgencyId => Id.AgencyId;

    public PeriodKey Period => Id.Period;

    public AgencyStatementStatus Status => IsSuperseded ? AgencyStatementStatus.Superseded : AgencyStatementStatus.Issued;
}
