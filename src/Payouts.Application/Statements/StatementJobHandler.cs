using Microsoft.Extensions.Logging;
using Payouts.Application.Agencies;
using Payouts.Application.Outbox;
using Payouts.Application.Periods;
using Payouts.Domain.Periods;

namespace Payouts.Application.Statements;

/// <summary>
/// One statement-jobs message: build each creator's statement, side by side (each under its own lease), at most
/// <c>Payouts:StatementBuildConcurrency</c> at once per instance however many jobs the host runs together. A job for a
/// period whose close has not started is refused (logged; nothing written). Creators another builder holds are
/// re-queued as a job of their own, delayed, and the message completes: a valid job never ends in the poison queue
/// because of a lease. Once the period's agency statements exist, those of the agencies of the job's creators get a
/// new version if a creator statement changed (a blocked one built at last, say). What the builds and agencies
/// emitted is dispatched at once (the outbox timer catches anything missed).
/// </summary>
public sealed partial class StatementJobHandler(
    StatementBuilder builder,
    AgencyStatementIssuer agencies,
    IPeriodRepository periods,
    OutboxDispatcher dispatcher,
    IStatementJobQueue jobs,
    StatementJobOptions options,
    ILogger<StatementJobHandler> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _builds = new(options.BuildConcurrency);

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var job = StatementJob.TryParse(message) ?? throw new InvalidDataException($"Not a statement job: {Truncate(message)}");
        if (!await periods.IsClosingOrClosedAsync(job.Period, ct))
        {
            LogRefused(logger, job.Period, job.CreatorIds.Count);
            return;
        }

        var outcomes = await Task.WhenAll(job.CreatorIds.Select(creatorId => BuildAsync(creatorId, job.Period, ct)));
        var retry = outcomes.Where(o => o.Result is BuildResult.Busy or BuildResult.LeaseLost).Select(o => o.Id.CreatorId).ToList();
        if (retry.Count > 0)
        {
            var delay = options.BusyRetryDelay;
            await jobs.SendAsync(new StatementJob(job.Period, retry), delay, ct);
            LogRequeued(logger, job.Period, retry.Count, delay);
        }

        var agencyDeliveries = await RefreshAgenciesAsync(outcomes, ct);
        await dispatcher.DispatchAsync(outcomes.SelectMany(o => o.Deliveries).Concat(agencyDeliveries), ct);
    }

    public void Dispose() => _builds.Dispose();

    private async Task<BuildOutcome> BuildAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        await _builds.WaitAsync(ct);
        try
        {
            return await builder.BuildAsync(creatorId, period, ct);
        }
        finally
        {
            _builds.Release();
        }
    }

    /// <summary>The agency statements of the periods the builds issued (or blocked) statements in, where they exist already.</summary>
    private async Task<List<OutboxDelivery>> RefreshAgenciesAsync(IEnumerable<BuildOutcome> outcomes, CancellationToken ct)
    {
        var deliveries = new List<OutboxDelivery>();
        var touched = outcomes
            .Where(o => o.Result is BuildResult.Issued or BuildResult.AlreadyIssued or BuildResult.Blocked)
            .Select(o => o.Id)
            .Concat(outcomes.SelectMany(o => o.IssuedEarlier))
            .GroupBy(id => id.Period);
        foreach (var period in touched)
        {
            var refreshed = await agencies.RefreshAsync(period.Key, [.. period.Select(id => id.CreatorId).Distinct(StringComparer.Ordinal)], ct);
            deliveries.AddRange(refreshed.SelectMany(o => o.Deliveries));
        }

        return deliveries;
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statement job for {Period} refused: the period's close has not started ({Creators} creators); nothing built")]
    private static partial void LogRefused(ILogger logger, PeriodKey period, int creators);

    [LoggerMessage(Level = LogLevel.Information, Message = "Statement job for {Period}: {Creators} creators held by another builder, re-queued in {Delay}")]
    private static partial void LogRequeued(ILogger logger, PeriodKey period, int creators, TimeSpan delay);
}
