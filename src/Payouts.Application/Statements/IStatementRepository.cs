using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>
/// Where statements live: headers, lines, balances, blocked markers, the per-period index and the emitted markers.
/// The commit and a blocked marker are fenced by the builder's lease: the adapter makes them one atomic write with it.
/// </summary>
public interface IStatementRepository
{
    Task<StatementHeader?> GetHeaderAsync(StatementId id, CancellationToken ct);

    Task<bool> IsEmittedAsync(StatementId id, CancellationToken ct);

    Task<CreatorBalance> GetBalanceAsync(string creatorId, CancellationToken ct);

    /// <summary>The lines of one build attempt, create-only, under the attempt's own names.</summary>
    Task WriteLinesAsync(Statement statement, string buildId, CancellationToken ct);

    /// <summary>
    /// Header + balance + settlement entries, fenced by <paramref name="lease"/>, all or nothing. Not committed: the
    /// lease was lost, or a concurrent commit moved the balance or a settlement entry.
    /// </summary>
    Task<StatementCommit> TryCommitAsync(ICreatorLease lease, Statement statement, CreatorBalance balance, StatementInputSet inputs, string buildId, CancellationToken ct);

    /// <summary>
    /// A reissue: the new version's header (with who asked for it) and the balance (fenced, all or nothing), and the
    /// replaced version marked superseded. Refused when the lease was lost or the balance moved (another statement was
    /// issued meanwhile).
    /// </summary>
    Task<StatementCommit> TryCommitReissueAsync(ICreatorLease lease, Statement statement, CreatorBalance balance, StatementHeader replaced, StatementInputSet inputs, string buildId, string reissuedBy, CancellationToken ct);

    /// <summary>
    /// The period's mark that <paramref name="next"/> (a reissue) may be committed and not yet emitted, written before
    /// its commit and cleared once its emit is complete: what lets a close of the period find a reissue a crash
    /// interrupted. Returns the mark's version, for <see cref="ClearReissuingAsync"/>.
    /// </summary>
    Task<string> MarkReissuingAsync(StatementId next, CancellationToken ct);

    /// <summary>
    /// Removes the creator's reissuing mark of the period if it names <paramref name="next"/> (and is still at
    /// <paramref name="version"/>, when given): a mark a later reissue wrote is left to it.
    /// </summary>
    Task ClearReissuingAsync(StatementId next, string? version, CancellationToken ct);

    /// <summary>The version a reissuing mark of the creator's statement of <paramref name="period"/> names; null without one.</summary>
    Task<StatementId?> GetReissuingAsync(string creatorId, PeriodKey period, CancellationToken ct);

    /// <summary>The versions the reissuing marks of a period name (reissues whose emit may be unfinished).</summary>
    Task<IReadOnlyList<StatementId>> ListReissuingAsync(PeriodKey period, CancellationToken ct);

    /// <summary>The lines of an issued statement, as issued (those of the build its header names).</summary>
    Task<IReadOnlyList<StatementLine>> GetLinesAsync(StatementHeader header, CancellationToken ct);

    /// <summary>Why the statement could not be built, fenced by the lease; false when the lease was lost.</summary>
    Task<bool> WriteBlockedAsync(ICreatorLease lease, PeriodKey period, IReadOnlyList<BlockReason> reasons, CancellationToken ct);

    /// <summary>The per-period index row of an issued statement, the blocked markers gone. Idempotent.</summary>
    Task IndexAsync(StatementHeader header, CancellationToken ct);

    Task MarkEmittedAsync(StatementId id, Instant at, CancellationToken ct);

    Task<IReadOnlyList<StatementHeader>> ListHeadersAsync(string creatorId, CancellationToken ct);

    /// <summary>A period's issued statements and blocked creators (never both for one creator).</summary>
    Task<IReadOnlyList<StatementIndexEntry>> ListByPeriodAsync(PeriodKey period, CancellationToken ct);
}
