using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;

namespace Payouts.Application.Periods;

/// <summary>
/// Closes periods: the timer's and the admin endpoint's one code path. Finds every due period not yet closed (so a
/// missed run catches up), moves it to Closing with a version-checked update, and sends one statement job per batch of
/// creators: everyone with activity in the period plus everyone who carried a balance out of the previous one.
/// Repeating any of it (a second timer fire, a crash and rerun) only resends jobs, which the builder absorbs.
/// </summary>
public sealed partial class PeriodCloser(
    IActivityIndex activity,
    IStatementJobQueue jobs,
    IPeriodRepository periods,
    IStatementRepository statements,
    PeriodCalendar calendar,
    IClock clock,
    ILogger<PeriodCloser> logger)
{
    /// <summary>
    /// Closes every due period. One period's failure never keeps the others from closing: it is logged and left
    /// Closing (the next run takes it up again); a storage failure is still thrown once the others had their turn.
    /// </summary>
    public async Task<IReadOnlyList<CloseOutcome>> CloseDueAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var outcomes = new List<CloseOutcome>();
        Exception? storageFailure = null;
        foreach (var state in await periods.ListUnclosedAsync(ct))
        {
            if (state.Period.Kind != calendar.Kind || !calendar.IsDue(state.Period, now))
            {
                continue;
            }

            try
            {
                outcomes.Add(await CloseAsync(state.Period, force: false, ct));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCloseFailed(logger, ex, state.Period);
                storageFailure ??= DataProblem.Is(ex) ? null : ex;
            }
        }

        if (storageFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(storageFailure);
        }

        return outcomes;
    }

    public async Task<CloseOutcome> CloseAsync(PeriodKey period, bool force, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (now < calendar.EndOf(period))
        {
            return new CloseOutcome(period, CloseResult.StillRunning, 0, $"{period} runs until {calendar.EndOf(period)}.");
        }

        var due = calendar.IsDue(period, now);
        if (!due && !force)
        {
            return new CloseOutcome(period, CloseResult.NotDue, 0, $"{period} is in its grace period until {calendar.DueAt(period)}; add ?force=true to close it now.");
        }

        var state = await periods.GetOrCreateAsync(period, ct);
        if (state.Status == PeriodStatus.Closed)
        {
            // Closing again is how an operator retries blocked statements once the missing rate or contract exists, and
            // finishes the emit of reissues a crash interrupted after their commit (the jobs find their marks).
            var blocked = await BlockedCreatorsAsync(period, ct);
            var reissuing = (await statements.ListReissuingAsync(period, ct)).Select(id => id.CreatorId).ToList();
            var retried = blocked.Union(reissuing, StringComparer.Ordinal).ToList();
            await SendJobsAsync(period, retried, ct);
            if (reissuing.Count > 0)
            {
                LogReissuesResumed(logger, period, reissuing.Count);
            }

            return new CloseOutcome(period, CloseResult.AlreadyClosed, retried.Count, $"{period} was already closed; statement jobs re-sent for {blocked.Count} blocked creators and {reissuing.Count} unfinished reissues.");
        }

        if (state.Status == PeriodStatus.Open && !await periods.TryStartClosingAsync(state, now, forced: !due, ct))
        {
            LogRace(logger, period);
        }

        if (!due)
        {
            LogForced(logger, period);
        }

        var creators = await PeriodVisits.CreatorsAsync(activity, statements, period, ct);
        await SendJobsAsync(period, creators, ct);
        await periods.MarkClosedAsync(period, now, creators.Count, ct);
        LogClosed(logger, period, creators.Count);
        return new CloseOutcome(period, CloseResult.Closed, creators.Count);
    }

    private async Task SendJobsAsync(PeriodKey period, IReadOnlyList<string> creators, CancellationToken ct)
    {
        foreach (var batch in creators.Chunk(StatementJob.MaxCreators))
        {
            await jobs.SendAsync(new StatementJob(period, batch), TimeSpan.Zero, ct);
        }
    }

    private async Task<IReadOnlyList<string>> BlockedCreatorsAsync(PeriodKey period, CancellationToken ct) =>
        (await statements.ListByPeriodAsync(period, ct)).Where(entry => !entry.IsIssued).Select(entry => entry.CreatorId).ToList();

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing period {Period} failed; it stays as it was and the next run tries again")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, PeriodKey period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed period {Period}: statement jobs sent for {Creators} creators")]
    private static partial void LogClosed(ILogger logger, PeriodKey period, int creators);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Period {Period} closed again: {Reissues} reissues have an unfinished emit; jobs sent to finish them")]
    private static partial void LogReissuesResumed(ILogger logger, PeriodKey period, int reissues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Period {Period} closed by force, before its grace period ended")]
    private static partial void LogForced(ILogger logger, PeriodKey period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Period {Period} was moved to Closing by another closer; continuing (jobs are idempotent)")]
    private static partial void LogRace(ILogger logger, PeriodKey period);
}
