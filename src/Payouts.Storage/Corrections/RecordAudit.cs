using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;

namespace Payouts.Storage.Corrections;

/// <summary>
/// What an auditor may read of a stored record: who sent it, whose it is, when it arrived and its content fingerprint,
/// and its void if it has one. No payload: sender ids are only hashes, and amounts are the statements' to show.
/// </summary>
public sealed record RecordAudit(
    RecordKind Kind,
    string PartnerId,
    string RecordId,
    string CreatorId,
    PeriodKey RecordPeriod,
    Instant IngestedAt,
    string Source,
    string Fingerprint)
{
    /// <summary>Null while the record stands (stored); set once it is voided.</summary>
    public RecordVoidAudit? Void { get; init; }
}
