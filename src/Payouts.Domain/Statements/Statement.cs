using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Statements;

/// <summary>
/// A creator's payout statement for one period. Immutable once issued: a correction is a new version with a reason.
/// </summary>
public sealed record Statement
{
    public required StatementId Id { get; init; }

    public string CreatorId => Id.CreatorId;

    public PeriodKey Period => Id.Period;

    public int Version => Id.Version;

    /// <summary>The IANA zone the period is cut in, e.g. "Europe/Paris".</summary>
    public required string Zone { get; init; }

    public required StatementStatus Status { get; init; }

    /// <summary>Null only when blocked for want of a contract.</summary>
    public Currency? Currency { get; init; }

    public string? AgencyId { get; init; }

    /// <summary>The creator's name as the contract in force gives it; null shows the creator id.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The name a person reads: the display name, or the creator id when there is none.</summary>
    public string CreatorName => DisplayName ?? CreatorId;

    public string? ContractVersion { get; init; }

    public IReadOnlyList<StatementLine> Lines { get; init; } = [];

    /// <summary>Null when blocked.</summary>
    public StatementTotals? Totals { get; init; }

    public GiftSummary? Gifts { get; init; }

    /// <summary>When the payable is paid (<see cref="PayoutSchedule"/>); null when nothing is payable.</summary>
    public LocalDate? PayoutDate { get; init; }

    /// <summary>The period's earnings by day, by LIVE and by gift; null when blocked.</summary>
    public EarningsBreakdown? Earnings { get; init; }

    /// <summary>Every distinct rate used by any line.</summary>
    public IReadOnlyList<AppliedRate> RatesUsed { get; init; } = [];

    public IReadOnlyList<string> BlockedReasons { get; init; } = [];

    /// <summary>The same reasons with their codes and the records involved.</summary>
    public IReadOnlyList<BlockReason> Blocks { get; init; } = [];

    /// <summary>For a reissue: the version it replaces, the lines that changed and the payable difference.</summary>
    public int? Supersedes { get; init; }

    public IReadOnlyList<LineChange> Changes { get; init; } = [];

    public Money? PayableDifference { get; init; }

    /// <summary>Why this version replaces the previous one; null for version 1.</summary>
    public string? CorrectionReason { get; init; }

    /// <summary>SHA-256 of the canonical JSON content (everything but this hash and <see cref="IssuedAt"/>).</summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>Set when the statement is stored; not part of the content hash, so a rebuild hashes the same.</summary>
    public Instant? IssuedAt { get; init; }
}
