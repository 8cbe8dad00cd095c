using Microsoft.Extensions.Logging;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.PayoutBatches;

/// <summary>
/// The payout batch of a closed period, once its statement jobs are done: the current statements that pay something,
/// each with its creator's payout details, and the creators whose statements are blocked (listed, not paid: one bad
/// record never holds back anyone else's payout). Asked for, it is computed from the statement index and compared
/// with the period's latest stored version: the same rows answer that version; different rows (a statement reissued,
/// unblocked or built late, payout details changed) are stored, create-only, as the next version, whose transfer file
/// pays only what the earlier versions' files did not (<see cref="PayoutBatch.Next"/>). So a version, once handed
/// out, never changes, every earlier one stays readable, and paying every version's file in turn pays each creator once.
/// </summary>
public sealed partial class PayoutBatchService(
    IPeriodRepository periods,
    IStatementRepository statements,
    IStatementJobBacklog backlog,
    IPayoutDetailsRepository details,
    IPayoutBatchArchive archive,
    PeriodCalendar calendar,
    ILogger<PayoutBatchService> logger)
{
    private const int MaxCreateAttempts = 5;

    public async Task<PayoutBatchOutcome> GetAsync(PeriodKey period, int? version, CancellationToken ct)
    {
        if (version is { } asked)
        {
            var stored = await archive.GetAsync(period, asked, ct);
            var latest = await archive.GetLatestAsync(period, ct);
            return stored is null ? new PayoutBatchOutcome(PayoutBatchResult.NotFound, LatestVersion: latest?.Version ?? 0) : new PayoutBatchOutcome(PayoutBatchResult.Ready, stored, latest!.Version);
        }

        var index = await statements.ListByPeriodAsync(period, ct);
        var pending = await PendingAsync(period, index, ct);
        if (pending.Count > 0)
        {
            return new PayoutBatchOutcome(PayoutBatchResult.Pending, Pending: pending);
        }

        var current = CurrentStatements(index);
        var blocked = index.Where(e => !e.IsIssued)
            .Select(e => BlockedCreator.Of(e.CreatorId, e.BlockedReasons.Select(r => r.Code)))
            .Where(b => !current.ContainsKey(b.CreatorId))
            .ToList();
        var accounts = await details.GetManyAsync([.. current.Keys], ct);
        for (var attempt = 0; attempt < MaxCreateAttempts; attempt++)
        {
            var latest = await archive.GetLatestAsync(period, ct);
            var transferred = latest?.TransferredSoFar() ?? new Dictionary<string, (Money? Total, int? LastIn)>();

            // A creator earlier files paid keeps a row even at nothing payable now (a reissue to nothing), so it is told.
            var rows = current.Values
                .Where(p => p.Payable.MinorUnits > 0 || transferred.ContainsKey(p.Id.CreatorId))
                .Select(p => new PayoutBatchRow(p.Id, p.Payable, accounts.GetValueOrDefault(p.Id.CreatorId)))
                .ToList();
            var candidate = PayoutBatch.Next(calendar, period, latest, rows, blocked);
            if (latest is not null && latest.PaysTheSameAs(candidate))
            {
                return new PayoutBatchOutcome(PayoutBatchResult.Ready, latest, latest.Version);
            }

            if (await archive.TryCreateAsync(candidate, ct))
            {
                LogCreated(logger, period, candidate.Version, candidate.Rows.Count, candidate.Transfers.Count, candidate.Blocked.Count);
                return new PayoutBatchOutcome(PayoutBatchResult.Ready, candidate, candidate.Version);
            }
        }

        throw new InvalidOperationException($"The payout batch of {period} kept changing under {MaxCreateAttempts} concurrent requests.");
    }

    /// <summary>
    /// What stops the batch: the period still open or closing, statement jobs queued, running or poisoned (the batch
    /// would change within minutes). Blocked creators do not: they are listed in the batch, not paid.
    /// </summary>
    private async Task<List<string>> PendingAsync(PeriodKey period, IReadOnlyList<StatementIndexEntry> index, CancellationToken ct)
    {
        var pending = new List<string>();
        var state = await periods.GetAsync(period, ct);
        if (state?.Status != PeriodStatus.Closed)
        {
            pending.Add($"{period} is {state?.Status.ToString() ?? "not known"}, not Closed: close it first (POST /api/periods/{period}/close).");
        }

        var jobs = await backlog.GetAsync(ct);
        if (jobs.Queued > 0)
        {
            pending.Add($"{jobs.Queued} statement job(s) are still queued or running: try again when they are built.");
        }

        if (jobs.Poisoned > 0)
        {
            pending.Add($"{jobs.Poisoned} statement job(s) failed into statement-jobs-poison: replay them (docs/operations.md, section 4).");
        }

        return pending;
    }

    /// <summary>
    /// Per creator the newest issued version (a reissue's v2 over its v1, even before v1's index row says so) and what
    /// it pays: its payable if Issued, nothing if carried forward.
    /// </summary>
    private static Dictionary<string, (StatementId Id, Money Payable)> CurrentStatements(IReadOnlyList<StatementIndexEntry> index) =>
        index.Where(e => e.IsIssued && e.Currency is not null)
            .Select(e => (Entry: e, Id: StatementId.TryParse(e.StatementId, out var id) ? id : throw new InvalidDataException($"Bad statement id '{e.StatementId}' in the index of {e.Period}.")))
            .GroupBy(e => e.Id.CreatorId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => e.Id.Version))
            .ToDictionary(
                e => e.Id.CreatorId,
                e => (e.Id, new Money(e.Entry.Status == nameof(StatementStatus.Issued) ? Math.Max(0, e.Entry.PayableMinor) : 0, Currency.FromCode(e.Entry.Currency!))),
                StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payout batch {Period} version {Version} stored: {Rows} rows, {Transfers} in the transfer file, {Blocked} creators blocked")]
    private static partial void LogCreated(ILogger logger, PeriodKey period, int version, int rows, int transfers, int blocked);
}
