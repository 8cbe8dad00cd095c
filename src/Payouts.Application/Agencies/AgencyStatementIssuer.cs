using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Application.Outbox;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Domain.Agencies;
using Payouts.Domain.Contracts;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Domain.Statements;

namespace Payouts.Application.Agencies;

/// <summary>
/// Issues agency statements: one per agency and closed period, from the latest version of each creator statement of
/// the period, once they are all settled (<see cref="PeriodSettlement"/>). The close timer runs the first pass (and
/// retries a period until every agency of it is issued); after that, a creator statement of the period issued again
/// (a rebuilt blocked one, a reissue) re-versions its agency's statement. A version is insert-only and names its
/// sources (creator statement version + content hash, or blocked); a new one is made only when the sources differ,
/// so repeating any of it, or two issuers at once, gives no duplicate. A data problem blocks one agency's statement
/// with reasons, never the run. Each version is announced to the agency once, through the outbox.
/// </summary>
public sealed partial class AgencyStatementIssuer(
    IAgencyStatementRepository agencyStatements,
    IAgencyStatementDocuments documents,
    IStatementRepository statements,
    IReferenceData reference,
    IPeriodRepository periods,
    PeriodSettlement settlement,
    IOutboxStore outbox,
    OutboxDispatcher dispatcher,
    PeriodCalendar calendar,
    IClock clock,
    ILogger<AgencyStatementIssuer> logger)
{
    private const int MaxAttempts = 5;
    private const int ReadParallelism = 8;

    /// <summary>The close timer's step: every closed period whose agency statements are not all issued, once it is settled.</summary>
    public async Task<IReadOnlyList<AgencyIssueOutcome>> IssueSettledAsync(CancellationToken ct)
    {
        var outcomes = new List<AgencyIssueOutcome>();
        foreach (var state in await periods.ListClosedAsync(ct))
        {
            if (state.AgencyStatementsIssuedAt is not null || state.Period.Kind != calendar.Kind)
            {
                continue;
            }

            if (!await settlement.IsSettledAsync(state.Period, ct))
            {
                LogNotSettled(logger, state.Period);
                continue;
            }

            // Marked before the index is read: a creator statement issued after this read is refreshed by its job.
            if (state.AgencyStatementsStartedAt is null)
            {
                await periods.MarkAgencyStatementsStartedAsync(state.Period, clock.GetCurrentInstant(), ct);
            }

            var issued = await IssuePeriodAsync(state.Period, ct);
            if (issued.All(o => o.Result is AgencyIssueResult.Issued or AgencyIssueResult.AlreadyIssued))
            {
                await periods.MarkAgencyStatementsIssuedAsync(state.Period, clock.GetCurrentInstant(), ct);
            }

            var (fresh, blocked) = (issued.Count(o => o.Result == AgencyIssueResult.Issued), issued.Count(o => o.Result == AgencyIssueResult.Blocked));
            LogPeriod(logger, state.Period, issued.Count, fresh, blocked);
            outcomes.AddRange(issued);
        }

        await dispatcher.DispatchAsync(outcomes.SelectMany(o => o.Deliveries), ct);
        return outcomes;
    }

    /// <summary>
    /// After creator statements of <paramref name="period"/> were built or reissued: the statements of their agencies
    /// get a new version if what they were built from changed. Nothing before the period's first agency pass (which
    /// reads them all). The caller dispatches the deliveries.
    /// </summary>
    public async Task<IReadOnlyList<AgencyIssueOutcome>> RefreshAsync(PeriodKey period, IReadOnlyCollection<string> creatorIds, CancellationToken ct)
    {
        if (creatorIds.Count == 0 || (await periods.GetAsync(period, ct))?.AgencyStatementsStartedAt is null)
        {
            return [];
        }

        var byAgency = await ByAgencyAsync(period, await statements.ListByPeriodAsync(period, ct), ct);
        var outcomes = new List<AgencyIssueOutcome>();
        foreach (var (agencyId, entries) in byAgency.Where(a => a.Value.Any(e => creatorIds.Contains(e.CreatorId))))
        {
            outcomes.Add(await IssueAsync(agencyId, period, entries, ct));
        }

        return outcomes;
    }

    /// <summary>
    /// Every agency statement of one period looked at again (an operator's close of a closed period): a new version
    /// where the creator side changed, e.g. when a reissue's own refresh failed. Nothing before the first pass.
    /// Dispatches what it emitted.
    /// </summary>
    public async Task<IReadOnlyList<AgencyIssueOutcome>> RefreshPeriodAsync(PeriodKey period, CancellationToken ct)
    {
        if ((await periods.GetAsync(period, ct))?.AgencyStatementsStartedAt is null)
        {
            return [];
        }

        var outcomes = await IssuePeriodAsync(period, ct);
        await dispatcher.DispatchAsync(outcomes.SelectMany(o => o.Deliveries), ct);
        return outcomes;
    }

    private async Task<List<AgencyIssueOutcome>> IssuePeriodAsync(PeriodKey period, CancellationToken ct)
    {
        var outcomes = new List<AgencyIssueOutcome>();
        foreach (var (agencyId, entries) in await ByAgencyAsync(period, await statements.ListByPeriodAsync(period, ct), ct))
        {
            outcomes.Add(await IssueAsync(agencyId, period, entries, ct));
        }

        return outcomes;
    }

    private async Task<AgencyIssueOutcome> IssueAsync(string agencyId, PeriodKey period, IReadOnlyList<StatementIndexEntry> entries, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var latest = await agencyStatements.GetLatestAsync(agencyId, period, ct);
            if (attempt > 1)
            {
                // Read after the latest version: at least as new as what that version was built from.
                entries = (await ByAgencyAsync(period, await statements.ListByPeriodAsync(period, ct), ct)).GetValueOrDefault(agencyId) ?? [];
            }

            if (latest is not null && SourcesOf(entries) is { } indexed)
            {
                if (AgencyStatementSource.SameSet(latest.Sources, indexed))
                {
                    return await AlreadyIssuedAsync(latest, ct);
                }

                if (attempt == 1 && IsBehind(indexed, latest.Sources))
                {
                    continue;
                }
            }

            var (request, problems) = await RequestAsync(agencyId, period, entries, latest, ct);
            if (problems.Count > 0)
            {
                return await BlockAsync(agencyId, period, problems, ct);
            }

            var statement = AgencyStatementCalculator.Calculate(request) with { IssuedAt = clock.GetCurrentInstant() };
            if (statement.Status == AgencyStatementStatus.Blocked)
            {
                return await BlockAsync(agencyId, period, statement.BlockedReasons, ct);
            }

            if (latest is not null && AgencyStatementSource.SameSet(latest.Sources, statement.Sources))
            {
                return await AlreadyIssuedAsync(latest, ct);
            }

            var buildId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            await documents.WriteAsync(statement, buildId, ct);
            if (!await agencyStatements.TryCommitAsync(statement, buildId, latest, ct))
            {
                LogRace(logger, statement.Id);
                continue;
            }

            var header = await agencyStatements.GetAsync(statement.Id, ct) ?? throw new InvalidOperationException($"Agency statement {statement.Id} vanished after its commit.");
            var unpaid = statement.Unpaid.Count();
            LogIssued(logger, statement.Id, statement.Creators.Count, unpaid);
            return new AgencyIssueOutcome(agencyId, period, AgencyIssueResult.Issued, statement.Id) { Deliveries = await EmitAsync(header, ct) };
        }

        LogBusy(logger, agencyId, period, MaxAttempts);
        return new AgencyIssueOutcome(agencyId, period, AgencyIssueResult.Busy);
    }

    /// <summary>The current creator statements and blocked creators of the period, by agency (by agency id).</summary>
    private async Task<SortedDictionary<string, IReadOnlyList<StatementIndexEntry>>> ByAgencyAsync(PeriodKey period, IReadOnlyList<StatementIndexEntry> index, CancellationToken ct)
    {
        var agencyOf = new List<(string AgencyId, StatementIndexEntry Entry)>();
        foreach (var entry in index.Where(e => e.IsCurrent || !e.IsIssued))
        {
            if (await AgencyOfAsync(entry, period, ct) is { } agencyId)
            {
                agencyOf.Add((agencyId, entry));
            }
        }

        return new(agencyOf.GroupBy(a => a.AgencyId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<StatementIndexEntry>)[.. g.Select(a => a.Entry)]), StringComparer.Ordinal);
    }

    /// <summary>An issued statement's agency (its index row, or its header for rows indexed before agencies were); a blocked creator's from the contract in force on the period's last day.</summary>
    private async Task<string?> AgencyOfAsync(StatementIndexEntry entry, PeriodKey period, CancellationToken ct)
    {
        if (entry.IsIssued)
        {
            return entry.AgencyId ?? (StatementId.TryParse(entry.StatementId, out var id) ? (await statements.GetHeaderAsync(id, ct))?.AgencyId : null);
        }

        var contract = new EffectiveSeries<CreatorContract>("creator contract", await reference.ContractVersionsAsync(entry.CreatorId, ct)).At(period.LastDay);
        return contract.IsFound ? contract.Value.Value.AgencyId : null;
    }

    /// <summary>The sources as the period's index names them; null when a row has no content hash (the headers decide).</summary>
    private static List<AgencyStatementSource>? SourcesOf(IReadOnlyList<StatementIndexEntry> entries)
    {
        var sources = new List<AgencyStatementSource>(entries.Count);
        foreach (var entry in entries)
        {
            if (!entry.IsIssued)
            {
                sources.Add(AgencyStatementSource.Blocked(entry.CreatorId));
            }
            else if (entry.ContentHash is { Length: > 0 } hash && StatementId.TryParse(entry.StatementId, out var id))
            {
                sources.Add(AgencyStatementSource.Of(id, hash));
            }
            else
            {
                return null;
            }
        }

        return sources;
    }

    /// <summary>
    /// Whether our view of the creator side is older than the one the latest version was built from: a creator's
    /// statement never goes back (absent → blocked → v1 → v2 …), so a lower rank, or a creator missing, means a stale read.
    /// </summary>
    private static bool IsBehind(IReadOnlyList<AgencyStatementSource> ours, IReadOnlyList<AgencyStatementSource> latest)
    {
        var rank = ours.GroupBy(s => s.CreatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(Rank), StringComparer.Ordinal);
        return latest.Any(s => !rank.TryGetValue(s.CreatorId, out var mine) || mine < Rank(s));
    }

    private static int Rank(AgencyStatementSource source) => source.Statement?.Version ?? 0;

    private async Task<(AgencyStatementRequest Request, List<BlockReason> Problems)> RequestAsync(
        string agencyId, PeriodKey period, IReadOnlyList<StatementIndexEntry> entries, AgencyStatementHeader? latest, CancellationToken ct)
    {
        var inputs = new ConcurrentBag<CreatorStatementInput>();
        var problems = new ConcurrentBag<BlockReason>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(entries.Where(e => e.IsIssued), options, async (entry, token) =>
        {
            if (!StatementId.TryParse(entry.StatementId, out var id) || await statements.GetHeaderAsync(id, token) is not { } header)
            {
                problems.Add(BlockReason.Of(AgencyBlockCodes.WrongSource, $"the period's index names creator statement {entry.StatementId}, which is not stored"));
                return;
            }

            var contract = (await reference.ContractVersionsAsync(header.CreatorId, token)).FirstOrDefault(v => v.VersionId == header.ContractVersion);
            if (contract is null)
            {
                problems.Add(BlockReason.Of(AgencyBlockCodes.ContractVersionMissing, $"creator statement {id} was computed with contract version {header.ContractVersion}, which {header.CreatorId} does not have"));
                return;
            }

            var lines = await statements.GetLinesAsync(header, token);
            inputs.Add(new CreatorStatementInput(id, header.ContentHash, header.Status, header.Currency, contract.Value.AgencyCommission, lines, header.Amount(header.Totals.AgencyCommission)));
        });

        var blocked = entries.Where(e => !e.IsIssued).Select(e => new BlockedCreator(e.CreatorId, [.. e.BlockedReasons.Select(r => r.Code)])).ToList();
        var request = new AgencyStatementRequest(latest?.Id.NextVersion() ?? new AgencyStatementId(agencyId, period, 1), calendar.Zone.Id, [.. inputs], blocked)
        {
            Previous = latest is null ? null : new AgencyPreviousVersion(latest.Id.Version, latest.Sources, latest.Totals),
        };
        return (request, [.. problems.OrderBy(p => p.Message, StringComparer.Ordinal)]);
    }

    private async Task<AgencyIssueOutcome> AlreadyIssuedAsync(AgencyStatementHeader latest, CancellationToken ct)
    {
        var deliveries = await agencyStatements.IsEmittedAsync(latest.Id, ct) ? [] : await EmitAsync(latest, ct);
        return new AgencyIssueOutcome(latest.AgencyId, latest.Period, AgencyIssueResult.AlreadyIssued, latest.Id) { Deliveries = deliveries };
    }

    private async Task<AgencyIssueOutcome> BlockAsync(string agencyId, PeriodKey period, IReadOnlyList<BlockReason> reasons, CancellationToken ct)
    {
        await agencyStatements.WriteBlockedAsync(agencyId, period, reasons, ct);
        var messages = reasons.Select(r => r.Message).ToList();
        LogBlocked(logger, agencyId, period, messages);
        return new AgencyIssueOutcome(agencyId, period, AgencyIssueResult.Blocked) { Reasons = messages };
    }

    /// <summary>The webhook to the agency (if it has a URL), then the emitted marker; both idempotent.</summary>
    private async Task<IReadOnlyList<OutboxDelivery>> EmitAsync(AgencyStatementHeader header, CancellationToken ct)
    {
        var deliveries = new List<OutboxDelivery>();
        if (await reference.AgencyWebhookAsync(header.AgencyId, ct) is { } url)
        {
            var webhook = OutboxDelivery.ToAgency(AgencyStatementMessage.IssuedEvent, header.Id.ToString(), header.AgencyId, url, id => AgencyStatementMessage.Create(header, format => documents.UriOf(header, format), id));
            deliveries.AddRange(await outbox.AddAsync([webhook], clock.GetCurrentInstant(), ct));
        }

        await agencyStatements.MarkEmittedAsync(header.Id, clock.GetCurrentInstant(), ct);
        return deliveries;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency statements of {Period} wait: not every creator statement of the period is settled yet")]
    private static partial void LogNotSettled(ILogger logger, PeriodKey period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency statements of {Period}: {Agencies} agencies, {Issued} new versions, {Blocked} blocked")]
    private static partial void LogPeriod(ILogger logger, PeriodKey period, int agencies, int issued, int blocked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued agency statement {AgencyStatementId}: {Creators} creators, {Unpaid} not paid this period")]
    private static partial void LogIssued(ILogger logger, AgencyStatementId agencyStatementId, int creators, int unpaid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency statement {AgencyStatementId} was committed by another issuer first; looking again")]
    private static partial void LogRace(ILogger logger, AgencyStatementId agencyStatementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agency statement of {AgencyId} for {Period} is blocked: {Reasons}")]
    private static partial void LogBlocked(ILogger logger, string agencyId, PeriodKey period, IReadOnlyList<string> reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agency statement of {AgencyId} for {Period}: other issuers committed versions {Attempts} times meanwhile; the next run looks again")]
    private static partial void LogBusy(ILogger logger, string agencyId, PeriodKey period, int attempts);
}
