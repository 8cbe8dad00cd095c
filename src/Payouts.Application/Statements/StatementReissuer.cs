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
/// chain continues from it) and a superseded marker beside the old header, which itself never changes; then it is
/// emitted like any statement, its message naming the version it supersedes and the payable difference, and the
/// agency statement of its period, if issued already, gets a new version built from it.
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
    PeriodCalendar calendar,
    PayoutSchedule payouts,
    IClock clock,
    ILogger<StatementReissuer> logger)
{
    public async Task<ReissueOutcome> ReissueAsync(StatementId id, string reason, CancellationToken ct)
    {
        if (await statements.GetHeaderAsync(id, ct) is not { } replaced)
        {
            return new ReissueOutcome(ReissueResult.NotFound);
        }

        await using var lease = await leases.TryAcquireAsync(id.CreatorId, ct);
        if (lease is null)
        {
            return new ReissueOutcome(ReissueResult.Busy, Detail: "the creator's statements are being built right now; try again in a minute.");
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
            (statement, records) = await ComputeAsync(id, reason, replaced, ct);
        }
        catch (Exception ex) when (DataProblem.Is(ex))
        {
            // Bad data answers as a blocked reissue with the reason (nothing changed), never as a failed call.
            return new ReissueOutcome(ReissueResult.Blocked, Reasons: [$"the new version could not be computed: {ex.Message}"]);
        }

        if (statement.Status == StatementStatus.Blocked)
        {
            return new ReissueOutcome(ReissueResult.Blocked, Reasons: statement.BlockedReasons);
        }

        var buildId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await statements.WriteLinesAsync(statement, buildId, ct);
        await documents.WriteAsync(statement, buildId, ct);
        if ((await statements.TryCommitReissueAsync(lease, statement, balance, replaced, records, buildId, ct)).Header is not { } header)
        {
            return new ReissueOutcome(ReissueResult.Busy, Detail: "another statement of the creator was issued meanwhile; look again before reissuing.");
        }

        LogReissued(logger, statement.Id, id.Version, header.PayableDifference ?? 0);
        var deliveries = await emitter.EmitAsync(header, ct);
        var agencyDeliveries = (await agencies.RefreshAsync(id.Period, [id.CreatorId], ct)).SelectMany(o => o.Deliveries);
        await dispatcher.DispatchAsync(deliveries.Concat(agencyDeliveries), ct);
        return new ReissueOutcome(ReissueResult.Reissued, statement.Id) { Header = header };
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
}
