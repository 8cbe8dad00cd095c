using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Application.Agencies;
using Payouts.Application.Outbox;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>
/// Reissues a creator's latest statement with a reason: the next version is computed from exactly the records the
/// replaced one counted, with the reference data in force now (a rate corrected since, say), brought forward from the
/// same balance, and diffed line by line against it. It commits fenced by the creator's lease with the balance (so the
/// chain continues from it), a superseded marker beside the old header, which itself never changes, and who asked;
/// then it is emitted like any statement, its message naming the version it supersedes and the payable difference,
/// and the agency statement of its period, if issued already, gets a new version built from it.
/// A reissuing mark in the period's index, written before the commit and cleared by the emit, lets a close of the
/// period finish an emit a crash interrupted; asking again with the same reason finishes it too, and answers as the
/// first call would have.
/// </summary>
public sealed partial class StatementReissuer(
    IStatementRepository statements,
    IStatementInputs inputs,
    IStatementDocuments documents,
    ICreatorLeases leases,
    IReferenceData reference,
    StatementEmitter emitter,
    AgencyStatementIssuer agencies,
    OutboxDispatcher dispatcher,
    IBuildProbe probe,
    PeriodCalendar calendar,
    PayoutSchedule payouts,
    IClock clock,
    ILogger<StatementReissuer> logger)
{
    public async Task<ReissueOutcome> ReissueAsync(ReissueRequest request, CancellationToken ct)
    {
        var id = request.Id;
        if (await statements.GetHeaderAsync(id, ct) is not { } replaced)
        {
            return new ReissueOutcome(ReissueResult.NotFound);
        }

        // Under the lease even to finish an earlier reissue: its emit must not race another reissue's.
        await using var lease = await leases.TryAcquireAsync(id.CreatorId, ct);
        if (lease is null)
        {
            return new ReissueOutcome(ReissueResult.Busy, Detail: "the creator's statements are being built right now; try again in a minute.");
        }

        if (await statements.GetHeaderAsync(id.NextVersion(), ct) is { } successor)
        {
            return await RepeatedAsync(request, successor, ct);
        }

        var balance = await statements.GetBalanceAsync(id.CreatorId, ct);
        if (balance.LastStatementId != id)
        {
            return new ReissueOutcome(ReissueResult.NotLatest, Detail:
                $"{id} is not {id.CreatorId}'s latest statement ({balance.LastStatementId} is): only the latest can be reissued. Correct an older one with a void and a new record, which the next statement adjusts for.");
        }

        Statement statement;
        StatementInputSet records;
        try
        {
            (statement, records) = await ComputeAsync(id, request.Reason, replaced, ct);
        }
        catch (Exception ex) when (DataProblem.Is(ex))
        {
            // Bad data answers as a blocked reissue with the reason (nothing changed), never as a failed call.
            LogBlocked(logger, ex, id);
            return new ReissueOutcome(ReissueResult.Blocked, Reasons: [$"the new version could not be computed: {ex.Message}"]);
        }

        if (statement.Status == StatementStatus.Blocked)
        {
            return new ReissueOutcome(ReissueResult.Blocked, Reasons: statement.BlockedReasons);
        }

        // The payment system hears of the versions in order: the replaced one's emit is finished before the next commits.
        var deliveries = new List<OutboxDelivery>(await emitter.ResumeAsync(replaced, ct));
        var buildId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await statements.WriteLinesAsync(statement, buildId, ct);
        await probe.AtAsync(BuildStep.LinesWritten, statement.Id, ct);
        await documents.WriteAsync(statement, buildId, ct);

        // The mark goes with the documents, before the commit: a failure after it leaves a mark naming no header,
        // which the next job for the creator drops.
        var mark = await statements.MarkReissuingAsync(statement.Id, ct);
        await probe.AtAsync(BuildStep.DocumentsWritten, statement.Id, ct);
        if ((await statements.TryCommitReissueAsync(lease, statement, balance, replaced, records, buildId, request.RequestedBy, ct)).Header is not { } header)
        {
            await statements.ClearReissuingAsync(statement.Id, mark, ct);
            return new ReissueOutcome(ReissueResult.Busy, Detail: "another statement of the creator was issued meanwhile; look again before reissuing.");
        }

        await probe.AtAsync(BuildStep.Committed, header.Id, ct);
        LogReissued(logger, statement.Id, id.Version, header.PayableDifference ?? 0);
        deliveries.AddRange(await emitter.EmitAsync(header, ct));
        return await AnnouncedAsync(header, deliveries, ct);
    }

    /// <summary>
    /// The statement was reissued already. With the same reason this is a retry (the first answer lost, or its emit
    /// interrupted): finish what is missing and answer as then. With another reason it is a second correction of a
    /// version already replaced.
    /// </summary>
    private async Task<ReissueOutcome> RepeatedAsync(ReissueRequest request, StatementHeader successor, CancellationToken ct)
    {
        if (!string.Equals(successor.CorrectionReason, request.Reason, StringComparison.Ordinal))
        {
            return new ReissueOutcome(ReissueResult.AlreadyReissued, successor.Id, Detail:
                $"{request.Id} was reissued already, as {successor.Id}, for another reason. To correct it again, reissue {successor.Id} if it is {request.Id.CreatorId}'s latest statement.");
        }

        LogRepeated(logger, successor.Id);
        return await AnnouncedAsync(successor, await emitter.ResumeAsync(successor, ct), ct);
    }

    /// <summary>The agency statement of the period refreshed, everything dispatched at once (the outbox timer catches anything missed).</summary>
    private async Task<ReissueOutcome> AnnouncedAsync(StatementHeader header, IReadOnlyList<OutboxDelivery> deliveries, CancellationToken ct)
    {
        var agencyDeliveries = (await agencies.RefreshAsync(header.Period, [header.CreatorId], ct)).SelectMany(o => o.Deliveries);
        await dispatcher.DispatchAsync(deliveries.Concat(agencyDeliveries), ct);
        return new ReissueOutcome(ReissueResult.Reissued, header.Id) { Header = header };
    }

    /// <summary>The new version from the records the replaced one counted, with the reason and the diff against it.</summary>
    private async Task<(Statement Statement, StatementInputSet Records)> ComputeAsync(StatementId id, string reason, StatementHeader replaced, CancellationToken ct)
    {
        var records = await inputs.ReadSettledAsync(replaced, ct);
        var request = new StatementRequest(
            id.NextVersion(),
            calendar,
            await reference.ContractVersionsAsync(id.CreatorId, ct),
            await reference.RatesAsync(ct),
            await inputs.GiftEntriesAsync(records, ct),
            inputs.DealEntries(records))
        {
            BroughtForward = replaced.Amount(replaced.Totals.BroughtForward),
            CorrectionReason = reason,
            Previous = new PreviousVersion(id.Version, await statements.GetLinesAsync(replaced, ct), replaced.Amount(replaced.Totals.Payable)),
            PayoutSchedule = payouts,
        };
        return (StatementCalculator.Calculate(request) with { IssuedAt = clock.GetCurrentInstant() }, records);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reissued {StatementId}, superseding version {Supersedes}; payable difference {PayableDifferenceMinor} minor units")]
    private static partial void LogReissued(ILogger logger, StatementId statementId, int supersedes, long payableDifferenceMinor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reissue of {StatementId} asked again with the same reason: its emit finished, the first answer repeated")]
    private static partial void LogRepeated(ILogger logger, StatementId statementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reissue of {StatementId} blocked: the new version could not be computed from the stored data")]
    private static partial void LogBlocked(ILogger logger, Exception exception, StatementId statementId);
}
