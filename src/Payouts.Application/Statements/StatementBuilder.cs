using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Application.Observability;
using Payouts.Application.Periods;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>
/// Issues one creator's statement for one period, then emits it. Statement id = creator + period + version, so every
/// retry converges on the same single statement. Under the creator's lease: read what arrived since the creator's
/// last statement → compute (a data problem blocks this statement only, with reasons) → write lines and documents
/// under this attempt's own names → commit header, balance and settlement entries in one transaction fenced by the
/// lease → emit through the outbox. Statements of a creator are issued in period order.
/// </summary>
public sealed partial class StatementBuilder(
    IStatementRepository statements,
    IStatementInputs inputs,
    IStatementDocuments documents,
    ICreatorLeases leases,
    StatementEmitter emitter,
    IPeriodRepository periods,
    IActivityIndex activity,
    IReferenceData reference,
    PeriodCalendar calendar,
    PayoutSchedule payouts,
    IBuildProbe probe,
    IClock clock,
    PayoutsMetrics metrics,
    ILogger<StatementBuilder> logger)
{
    private const int MaxCommitAttempts = 5;

    public async Task<BuildOutcome> BuildAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        var id = new StatementId(creatorId, period, 1);
        await using var lease = await leases.TryAcquireAsync(creatorId, ct);
        if (lease is null)
        {
            // Issued already (a duplicate job while another builder works): finish emitting if a crash interrupted it,
            // no lease needed as every emit step is idempotent. Otherwise it is the other builder's, for now; so is a
            // reissue of it to finish (its emit must not race the holder's), and the job comes back for it.
            return await statements.GetHeaderAsync(id, ct) is { } issued && await statements.GetReissuingAsync(creatorId, period, ct) is null
                ? await AlreadyIssuedAsync(issued, ct)
                : BuildOutcome.Of(id, BuildResult.Busy);
        }

        using var fenced = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        try
        {
            await probe.AtAsync(BuildStep.LeaseAcquired, id, fenced.Token);
            var earlier = new List<StatementId>();
            var outcome = await BuildUnderLeaseAsync(lease, id, earlier, [], fenced.Token);
            return earlier.Count == 0 ? outcome : outcome with { IssuedEarlier = earlier };
        }
        catch (OperationCanceledException) when (lease.IsLost && !ct.IsCancellationRequested)
        {
            LogLeaseLost(logger, id);
            return BuildOutcome.Of(id, BuildResult.LeaseLost);
        }
    }

    /// <summary>A draft of an open period from the records stored so far: computed, never stored, nothing counted.</summary>
    public async Task<Statement> PreviewAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        var id = new StatementId(creatorId, period, 1);
        var balance = await statements.GetBalanceAsync(creatorId, ct);
        var pending = await inputs.ReadAsync(creatorId, period, balance.LastPeriod, ct);
        return await ComputeAsync(id, pending, balance, draft: true, ct);
    }

    /// <param name="nothingToState">Earlier periods this build found with nothing to state: they get no statement and are
    /// not visited again, so no shape of the data can keep a build looping under the lease (as one did before voided
    /// rows were settled by a statement of their own).</param>
    private async Task<BuildOutcome> BuildUnderLeaseAsync(ICreatorLease lease, StatementId id, List<StatementId> issuedEarlier, HashSet<PeriodKey> nothingToState, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxCommitAttempts; attempt++)
        {
            if (await statements.GetHeaderAsync(id, ct) is { } issued)
            {
                return await IssuedUnderLeaseAsync(issued, ct);
            }

            var balance = await statements.GetBalanceAsync(id.CreatorId, ct);
            if (balance.LastPeriod is { } last && last >= id.Period)
            {
                LogNotNeeded(logger, id, last);
                return BuildOutcome.Of(id, BuildResult.NotNeeded);
            }

            StatementInputSet pending;
            try
            {
                pending = await inputs.ReadAsync(id.CreatorId, id.Period, balance.LastPeriod, ct);
            }
            catch (Exception ex) when (DataProblem.Is(ex))
            {
                LogReadFailed(logger, ex, id);
                return await BlockAsync(lease, id, [BlockReason.Of(BlockCodes.RecordsUnreadable, $"the creator's stored records could not be read: {ex.Message}")], ct);
            }

            await probe.AtAsync(BuildStep.InputsRead, id, ct);
            if (await FirstUnissuedEarlierPeriodAsync(id, pending, balance, nothingToState, ct) is { } earlier)
            {
                // Each statement brings forward the balance the previous one carried: an earlier closed period goes first.
                var outcome = await BuildUnderLeaseAsync(lease, earlier, issuedEarlier, nothingToState, ct);
                if (outcome.Result is BuildResult.Issued)
                {
                    issuedEarlier.Add(earlier);
                }

                if (outcome.Result is BuildResult.LeaseLost)
                {
                    return BuildOutcome.Of(id, BuildResult.LeaseLost);
                }

                if (outcome.Result is BuildResult.Blocked)
                {
                    return await BlockAsync(lease, id, [BlockReason.Of(BlockCodes.EarlierBlocked, $"the statement for {earlier.Period} is blocked and must be issued first")], ct);
                }

                if (outcome.Result is BuildResult.NothingToState)
                {
                    nothingToState.Add(earlier.Period);
                }

                attempt--;
                continue;
            }

            if (pending.Count == 0 && pending.Cancelled == 0 && balance.CarriedForward is not { IsZero: false })
            {
                // Visited (a mark of a late record already counted, say) but nothing to state: no empty statement.
                // Rows that cancel out (a record voided before it counted) are the exception: a statement settles
                // them (its emit removes a blocked marker), or they would be read again forever and keep the period
                // blocked, or unbuilt.
                return BuildOutcome.Of(id, BuildResult.NothingToState);
            }

            var statement = await ComputeAsync(id, pending, balance, draft: false, ct);
            await probe.AtAsync(BuildStep.Computed, id, ct);
            if (statement.Status == StatementStatus.Blocked)
            {
                return await BlockAsync(lease, id, statement.Blocks, ct);
            }

            if (pending.LeftOut.Count > 0)
            {
                // More partitions waiting than one commit settles: the rest go to the creator's next statement.
                await periods.EnsureExistsAsync([id.Period.Next()], ct);
                await activity.CarryForwardAsync(id.CreatorId, pending.LeftOut, id.Period.Next(), clock.GetCurrentInstant(), ct);
            }

            var buildId = NewBuildId();
            await statements.WriteLinesAsync(statement, buildId, ct);
            await probe.AtAsync(BuildStep.LinesWritten, id, ct);
            await documents.WriteAsync(statement, buildId, ct);
            await probe.AtAsync(BuildStep.DocumentsWritten, id, ct);
            var commit = await statements.TryCommitAsync(lease, statement, balance, pending, buildId, ct);
            if (commit.LeaseLost)
            {
                LogLeaseLost(logger, id);
                return BuildOutcome.Of(id, BuildResult.LeaseLost);
            }

            if (commit.Header is not { } header)
            {
                continue;
            }

            await probe.AtAsync(BuildStep.Committed, id, ct);
            metrics.StatementBuilt(statement.Status.ToString());
            LogIssued(logger, id, statement.Status, pending.Count, statement.Totals!.Payable);
            return new BuildOutcome(id, BuildResult.Issued, statement.Status, []) { Deliveries = await emitter.EmitAsync(header, ct) };
        }

        throw new InvalidOperationException($"Statement {id} could not commit after {MaxCommitAttempts} attempts: its records kept changing.");
    }

    /// <summary>
    /// The earliest period before <paramref name="id"/>'s with records waiting, after the creator's last statement,
    /// that is closing or closed and has no statement yet. Periods that were never closed (a backfill of a month nobody
    /// opened) are not built: their records are adjustments in this statement.
    /// </summary>
    private async Task<StatementId?> FirstUnissuedEarlierPeriodAsync(StatementId id, StatementInputSet pending, CreatorBalance balance, HashSet<PeriodKey> nothingToState, CancellationToken ct)
    {
        var candidates = pending.Partitions.Select(p => p.Entry.RecordPeriod)
            .Where(r => r < id.Period && (balance.LastPeriod is not { } last || r > last) && !nothingToState.Contains(r))
            .Distinct()
            .Order();
        foreach (var period in candidates)
        {
            var earlier = new StatementId(id.CreatorId, period, 1);
            if (await periods.IsClosingOrClosedAsync(period, ct) && await statements.GetHeaderAsync(earlier, ct) is null)
            {
                return earlier;
            }
        }

        return null;
    }

    private async Task<BuildOutcome> AlreadyIssuedAsync(StatementHeader header, CancellationToken ct)
    {
        var deliveries = await statements.IsEmittedAsync(header.Id, ct) ? [] : await emitter.EmitAsync(header, ct);
        return new BuildOutcome(header.Id, BuildResult.AlreadyIssued, header.Status, []) { Deliveries = deliveries };
    }

    /// <summary>
    /// Issued already, and the lease held: besides the statement's own emit, finish that of a reissue of it which a
    /// crash interrupted after its commit (the period's reissuing mark names it). A mark whose version never committed
    /// is stale (under the lease no reissue is under way) and goes.
    /// </summary>
    private async Task<BuildOutcome> IssuedUnderLeaseAsync(StatementHeader issued, CancellationToken ct)
    {
        var outcome = await AlreadyIssuedAsync(issued, ct);
        if (await statements.GetReissuingAsync(issued.CreatorId, issued.Period, ct) is not { } next)
        {
            return outcome;
        }

        if (await statements.GetHeaderAsync(next, ct) is not { } reissued)
        {
            await statements.ClearReissuingAsync(next, version: null, ct);
            return outcome;
        }

        LogReissueResumed(logger, next);
        var deliveries = await emitter.ResumeAsync(reissued, ct);
        return new BuildOutcome(reissued.Id, BuildResult.AlreadyIssued, reissued.Status, []) { Deliveries = [.. outcome.Deliveries, .. deliveries] };
    }

    private async Task<BuildOutcome> BlockAsync(ICreatorLease lease, StatementId id, IReadOnlyList<BlockReason> blocks, CancellationToken ct)
    {
        var reasons = blocks.Select(b => b.Message).ToList();
        if (!await statements.WriteBlockedAsync(lease, id.Period, blocks, ct))
        {
            return BuildOutcome.Of(id, BuildResult.LeaseLost);
        }

        metrics.StatementBuilt(nameof(StatementStatus.Blocked));
        LogBlocked(logger, id, reasons);
        return new BuildOutcome(id, BuildResult.Blocked, StatementStatus.Blocked, reasons);
    }

    private async Task<Statement> ComputeAsync(StatementId id, StatementInputSet pending, CreatorBalance balance, bool draft, CancellationToken ct)
    {
        try
        {
            // Reference rows and entries are read inside the guard too: a hand-edited row, a refund's original looked
            // up, a record's period placed, can fail on bad data as well as the calculation.
            var request = new StatementRequest(
                id,
                calendar,
                await reference.ContractVersionsAsync(id.CreatorId, ct),
                await reference.RatesAsync(ct),
                await inputs.GiftEntriesAsync(pending, ct),
                inputs.DealEntries(pending))
            {
                BroughtForward = balance.CarriedForward,
                Draft = draft,
                PayoutSchedule = payouts,
            };
            return StatementCalculator.Calculate(request) with { IssuedAt = draft ? null : clock.GetCurrentInstant() };
        }
        catch (Exception ex) when (DataProblem.Is(ex))
        {
            // A data problem in this creator's records: block this statement with the reason, never the whole job.
            LogComputeFailed(logger, ex, id);
            var reason = BlockReason.Of(BlockCodes.ComputeFailed, $"the statement could not be computed: {ex.Message}", pending.Gifts.Select(g => g.RecordId).Concat(pending.Deals.Select(d => d.RecordId))
                .Concat(pending.GiftVoids.Select(v => v.Gift.RecordId)).Concat(pending.DealVoids.Select(d => d.RecordId)));
            return new Statement { Id = id, Zone = calendar.Zone.Id, Status = StatementStatus.Blocked, BlockedReasons = [reason.Message], Blocks = [reason] };
        }
    }

    private static string NewBuildId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued statement {StatementId}: {Status}, {RecordCount} records, payable {Payable}")]
    private static partial void LogIssued(ILogger logger, StatementId statementId, StatementStatus status, int recordCount, Domain.Monetary.Money payable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statement {StatementId} is blocked: {Reasons}")]
    private static partial void LogBlocked(ILogger logger, StatementId statementId, IReadOnlyList<string> reasons);

    [LoggerMessage(Level = LogLevel.Error, Message = "Statement {StatementId}: the creator's stored records could not be read; it is blocked")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, StatementId statementId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Statement {StatementId} could not be computed; it is blocked")]
    private static partial void LogComputeFailed(ILogger logger, Exception exception, StatementId statementId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No statement {StatementId}: the creator's last statement is for {LastPeriod}; its records count in the next one")]
    private static partial void LogNotNeeded(ILogger logger, StatementId statementId, PeriodKey lastPeriod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reissue {StatementId} was committed but its emit interrupted; finishing it")]
    private static partial void LogReissueResumed(ILogger logger, StatementId statementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Builder of {StatementId} lost its lease (expired and taken over); it wrote nothing that counts")]
    private static partial void LogLeaseLost(ILogger logger, StatementId statementId);
}
