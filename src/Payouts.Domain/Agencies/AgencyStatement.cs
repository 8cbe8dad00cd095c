using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Agencies;

/// <summary>
/// An agency's statement for one period: per creator the commission its creator statement charged, by revenue type;
/// totals per currency; the creators not paid this period (blocked, carried forward) listed as such. Built from the
/// latest version of each creator statement; immutable once issued: when a creator statement of the period changes,
/// the agency statement gets a new version that names the one it replaces and what changed.
/// </summary>
public sealed record AgencyStatement
{
    public required AgencyStatementId Id { get; init; }

    public string AgencyId => Id.AgencyId;

    public PeriodKey Period => Id.Period;

    public int Version => Id.Version;

    /// <summary>The IANA zone the period is cut in.</summary>
    public required string Zone { get; init; }

    public required AgencyStatementStatus Status { get; init; }

    /// <summary>Every creator of the agency in the period, by creator id: with commission, or blocked (no amount).</summary>
    public IReadOnlyList<AgencyCreatorLine> Creators { get; init; } = [];

    /// <summary>Per currency (by code): the sum of the creators' commission in it.</summary>
    public IReadOnlyList<AgencyCurrencyTotal> Totals { get; init; } = [];

    /// <summary>What it was built from, canonical (sorted): the creator statement versions and the blocked creators.</summary>
    public IReadOnlyList<AgencyStatementSource> Sources { get; init; } = [];

    /// <summary>For a version after the first: the version it replaces, the creators that changed and the totals' moves.</summary>
    public int? Supersedes { get; init; }

    public IReadOnlyList<AgencyCreatorChange> Changes { get; init; } = [];

    public IReadOnlyList<AgencyTotalChange> TotalChanges { get; init; } = [];

    /// <summary>Why it could not be issued (the creator statements do not reconcile); empty when issued.</summary>
    public IReadOnlyList<BlockReason> BlockedReasons { get; init; } = [];

    /// <summary>SHA-256 of the canonical JSON content (everything but this hash and <see cref="IssuedAt"/>).</summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>Set when stored; not part of the content hash.</summary>
    public Instant? IssuedAt { get; init; }

    /// <summary>The creators not paid this period: blocked, or with their balance carried forward.</summary>
    public IEnumerable<AgencyCreatorLine> Unpaid => Creators.Where(c => c.IsUnpaid);
}
