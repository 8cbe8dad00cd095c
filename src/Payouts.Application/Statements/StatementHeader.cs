using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>
/// An issued statement as stored: identity, status, money totals in minor units, where its documents are and which
/// rows of which record partitions it counted. Written once, in the commit transaction; never updated.
/// </summary>
public sealed record StatementHeader(
    StatementId Id,
    StatementStatus Status,
    Currency Currency,
    string? AgencyId,
    string? ContractVersion,
    string Zone,
    string ContentHash,
    NodaTime.Instant? IssuedAt,
    StatementHeaderTotals Totals,
    int LineCount,
    int RecordCount,
    string BuildId,
    string BlobPrefix,
    IReadOnlyList<string> Settled)
{
    /// <summary>For a reissue: the version it replaced, why, and how much more (or less) it pays.</summary>
    public int? Supersedes { get; init; }

    public string? CorrectionReason { get; init; }

    public long? PayableDifference { get; init; }

    /// <summary>For a reissue: who asked for it (the admin caller) and when; null on headers written before they were recorded.</summary>
    public string? ReissuedBy { get; init; }

    public NodaTime.Instant? ReissuedAt { get; init; }

    /// <summary>The documents stored for it (<see cref="StatementFormats"/>), in the order they are listed.</summary>
    public IReadOnlyList<string> Formats { get; init; } = StatementFormats.BeforePdf;

    /// <summary>Replaced by a later version (a marker beside the header: the header itself never changes).</summary>
    public bool IsSuperseded { get; init; }

    public string CreatorId => Id.CreatorId;

    public PeriodKey Period => Id.Period;

    public Money Amount(long minorUnits) => new(minorUnits, Currency);
}
