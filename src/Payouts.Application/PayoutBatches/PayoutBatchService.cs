using Microsoft.Extensions.Logging;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.PayoutBatches;

/// <summary>
/// The payout batch of a closed period, once every statement of it is built: the current statements that pay
/// something, each with its creator's payout details. Asked for, it is computed from the statement index and compared
/// with the period's latest stored version: the same rows answer that version; different rows (a statement reissued
/// or built late, payout details changed) are stored, create-only, as the next version. So a version, once handed
/// out, never changes, and every earlier one stays readable.
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

        var payable = CurrentPayable(index);
        var accounts = await details.GetManyAsync([.. payable.Select(p => p.Id.CreatorId)], ct);
        var rows = payable.Select(p => new PayoutBatchRow(p.Id, p.Payable, accounts.GetValueOrDefault(p.Id.CreatorId))).ToList();
        for (var attempt = 0; attempt < MaxCreateAttempts; attempt++)
        {
            var latest = await archive.GetLatestAsync(period, ct);
            var candidate = PayoutBatch.Create(calendar, period, (latest?.Version ?? 0) + 1, rows);
            if (latest is not null && latest.PaysTheSameAs(candidate))
            {
                return new PayoutBatchOutcome(PayoutBatchResult.Ready, latest, latest.Version);
            }

            if (await archive.TryCreateAsync(candidate, ct))
            {
                LogCreated(logger, period, candidate.Version, candidate.Rows.Count, candidate.Transfers.Count);
                return new PayoutBatchOutcome(PayoutBatchResult.Ready, candidate, candidate.Version);
            }
        }

        throw new InvalidOperationException($"The payout batch of {period} kept changing under {MaxCreateAttempts} concurrent requests.");
    }

    /// <summary>What stops the batch: the period still open or closing, blocked creators, statement jobs not done.</summary>
    private async Task<List<string>> PendingAsync(PeriodKey period, IReadOnlyList<StatementIndexEntry> index, CancellationToken ct)
    {
        var pending = new List<string>();
        var state = await periods.GetAsync(period, ct);
        if (state?.Status != PeriodStatus.Closed)
        {
            pending.Add($"{period} is {state?.Status.ToString() ?? "not known"}, not Closed: close it first (POST /api/periods/{period}/close).");
        }

        var blocked = index.Where(e => !e.IsIssued).Select(e => e.CreatorId).Order(StringComparer.Ordinal).ToList();
        if (blocked.Count > 0)
        {
            pending.Add($"{blocked.Count} statement(s) of {period} are blocked ({string.Join(", ", blocked.Take(20))}{(blocked.Count > 20 ? ", …" : string.Empty)}): fix their data, then close the period again (GET /api/periods/{period} lists the reasons).");
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

    /// <summary>Per creator the newest issued version (a reissue's v2 over its v1, even before v1's index row says so), if it pays.</summary>
    private static List<(StatementId Id, Money Payable)> CurrentPayable(IReadOnlyList<StatementIndexEntry> index) =>
        [.. index.Where(e => e.IsIssued)
            .Select(e => (Entry: e, Id: StatementId.TryParse(e.StatementId, out var id) ? id : throw new InvalidDataException($"Bad statement id '{e.StatementId}' in the index of {e.Period}.")))
            .GroupBy(e => e.Id.CreatorId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => e.Id.Version))
            .Where(e => e.Entry.Status == nameof(StatementStatus.Issued) && e.Entry.PayableMinor > 0)
            .Select(e => (e.Id, new Money(e.Entry.PayableMinor, Currency.FromCode(e.Entry.Currency!))))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Payout batch {Period} version {Version} stored: {Rows} rows, {Transfers} in the transfer file")]
    private static partial void LogCreated(ILogger logger, PeriodKey period, int version, int rows, int transfers);
}
