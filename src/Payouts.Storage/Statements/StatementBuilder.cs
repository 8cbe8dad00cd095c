using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Storage.Configuration;
using Payouts.Storage.Observability;
using Payouts.Storage.Periods;
using Payouts.Storage.ReferenceData;
using Payouts.Storage.Tables;
using Payouts.Storage.Webhooks;

namespace Payouts.Storage.Statements;

/// <summary>
/// Builds, stores and emits one creator's statement for one period, idempotently: statement id = creator + period +
/// version, so every retry (a redelivered job, a crash at any step) converges on the same single statement.
/// Steps, under the creator's lease: read the records in play → compute (blocked: record why, claim nothing) → claim
/// them → write the documents → commit header + balance → emit (payout-statements queue, webhook outbox).
/// </summary>
public sealed partial class StatementBuilder(
    TableServiceClient tables,
    QueueServiceClient queues,
    StatementStore statements,
    PeriodStore periods,
    StatementDocuments documents,
    ContractStore contracts,
    AgencyStore agencies,
    OutboxStore outbox,
    RateBookCache rates,
    PeriodCalendar calendar,
    IClock clock,
    PayoutsMetrics metrics,
    IOptions<PayoutsOptions> options,
    ILogger<StatementBuilder> logger)
{
    private const int MaxClaimAttempts = 5;
    private readonly StatementInputs _inputs = new(tables, calendar);
    private readonly TableClient _statementTable = tables.GetTableClient(TableNames.Statements);

    public async Task<BuildOutcome> BuildAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        var id = new StatementId(creatorId, period, 1);
        if (await statements.GetHeaderAsync(id, ct) is { } done && done.GetBoolean("Emitted") == true)
        {
            // Issued and emitted: nothing left to do, and no lease needed to see it (a redelivered job is cheap).
            return new BuildOutcome(id, BuildResult.AlreadyIssued, Enum.Parse<StatementStatus>(done.GetString("Status")), []);
        }

        await using var lease = await CreatorLease.TryAcquireAsync(_statementTable, creatorId, clock.GetCurrentInstant(), Duration.FromTimeSpan(options.Value.StatementLease), ct);
        if (lease is null)
        {
            return BuildOutcome.Busy(id);
        }

        // Statements of one creator are issued in period order: each brings forward the balance the previous carried.
        foreach (var earlier in await UnbuiltPredecessorsAsync(id, ct))
        {
            var outcome = await BuildUnderLeaseAsync(earlier, ct);
            if (outcome.Result == BuildResult.Blocked)
            {
                var reasons = new[] { $"the statement for {earlier.Period} is blocked and must be issued first" };
                await statements.WriteBlockedAsync(creatorId, period, reasons, ct);
                return new BuildOutcome(id, BuildResult.Blocked, StatementStatus.Blocked, reasons);
            }
        }

        return await BuildUnderLeaseAsync(id, ct);
    }

    private async Task<BuildOutcome> BuildUnderLeaseAsync(StatementId id, CancellationToken ct)
    {
        if (await statements.GetHeaderAsync(id, ct) is { } existing)
        {
            await EmitAsync(existing, ct);
            return new BuildOutcome(id, BuildResult.AlreadyIssued, Enum.Parse<StatementStatus>(existing.GetString("Status")), []);
        }

        for (var attempt = 1; attempt <= MaxClaimAttempts; attempt++)
        {
            var records = await _inputs.ReadAsync(id, ct);
            var balance = await statements.GetBalanceAsync(id.CreatorId, ct);
            var statement = await ComputeAsync(id, records, balance, ct);
            if (statement.Status == StatementStatus.Blocked)
            {
                await statements.WriteBlockedAsync(id.CreatorId, id.Period, statement.BlockedReasons, ct);
                metrics.StatementBuilt(nameof(StatementStatus.Blocked));
                LogBlocked(logger, id, statement.BlockedReasons);
                return new BuildOutcome(id, BuildResult.Blocked, StatementStatus.Blocked, statement.BlockedReasons);
            }

            if (!await _inputs.ClaimAsync(records, id, ct))
            {
                continue;
            }

            await documents.WriteAsync(statement, ct);
            if (!await statements.TryWriteAsync(statement, balance, records.Count, StatementDocuments.Prefix(id), ct))
            {
                continue;
            }

            metrics.StatementBuilt(statement.Status.ToString());
            LogIssued(logger, id, statement.Status, records.Count, statement.Totals!.Payable);
            await EmitAsync((await statements.GetHeaderAsync(id, ct))!, ct);
            return new BuildOutcome(id, BuildResult.Issued, statement.Status, []);
        }

        throw new InvalidOperationException($"Statement {id} could not claim its records after {MaxClaimAttempts} attempts.");
    }

    /// <summary>Earlier closing or closed periods where the creator has records but no statement yet (a catch-up run).</summary>
    private async Task<IReadOnlyList<StatementId>> UnbuiltPredecessorsAsync(StatementId id, CancellationToken ct)
    {
        var balance = await statements.GetBalanceAsync(id.CreatorId, ct);
        var missing = new List<StatementId>();
        foreach (var state in await periods.ListAllAsync(ct))
        {
            var earlier = new StatementId(id.CreatorId, state.Period, 1);
            if (state.Period.Kind == id.Period.Kind && state.Period < id.Period && state.Status != PeriodStatus.Open
                && (balance.LastPeriod is not { } last || state.Period > last)
                && await statements.GetHeaderAsync(earlier, ct) is null
                && await _inputs.HasActivityAsync(earlier, ct))
            {
                missing.Add(earlier);
            }
        }

        return missing;
    }

    /// <summary>A draft of an open period from the records stored so far: computed, never stored, nothing claimed.</summary>
    public async Task<Statement> PreviewAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        var id = new StatementId(creatorId, period, 1);
        var records = await _inputs.ReadAsync(id, ct);
        return await ComputeAsync(id, records, await statements.GetBalanceAsync(creatorId, ct), ct, draft: true);
    }

    private async Task<Statement> ComputeAsync(StatementId id, ClaimedRecords records, CreatorBalance balance, CancellationToken ct, bool draft = false)
    {
        var request = new StatementRequest(
            id,
            calendar,
            await contracts.GetVersionsAsync(id.CreatorId, ct),
            await rates.GetAsync(ct),
            await _inputs.GiftEntriesAsync(records, ct),
            _inputs.DealEntries(records))
        {
            BroughtForward = balance.CarriedForward,
            Draft = draft,
        };
        return StatementCalculator.Calculate(request) with { IssuedAt = draft ? null : clock.GetCurrentInstant() };
    }

    /// <summary>Index, queue message and webhook outbox entry of a committed statement; every step repeatable until marked emitted.</summary>
    private async Task EmitAsync(TableEntity header, CancellationToken ct)
    {
        if (header.GetBoolean("Emitted") == true)
        {
            return;
        }

        await statements.IndexAsync(header, ct);

        var id = StatementId.TryParse(header.GetString("StatementId"), out var parsed) ? parsed : throw new InvalidDataException("Bad statement id.");
        var message = PayoutStatementMessage.Create(header, format => documents.UriOf(id, format));
        await queues.GetQueueClient(QueueNames.PayoutStatements).SendMessageAsync(message, ct);
        if (header.GetString("AgencyId") is { } agencyId && await agencies.GetAsync(agencyId, ct) is { WebhookUrl: { } url })
        {
            var deliveryId = OutboxStore.DeliveryId("statement.issued", id.ToString(), agencyId);
            await outbox.AddAsync(new OutboxEntry(deliveryId, "statement.issued", id.ToString(), agencyId, url.ToString(), message), clock.GetCurrentInstant(), ct);
        }

        await statements.MarkEmittedAsync(id, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued statement {StatementId}: {Status}, {RecordCount} records, payable {Payable}")]
    private static partial void LogIssued(ILogger logger, StatementId statementId, StatementStatus status, int recordCount, Domain.Monetary.Money payable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statement {StatementId} is blocked: {Reasons}")]
    private static partial void LogBlocked(ILogger logger, StatementId statementId, IReadOnlyList<string> reasons);
}
