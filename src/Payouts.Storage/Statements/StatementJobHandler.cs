using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payouts.Domain.Periods;
using Payouts.Storage.Configuration;
using Payouts.Storage.Periods;

namespace Payouts.Storage.Statements;

/// <summary>
/// One statement-jobs message: build each creator's statement. A creator another worker is building is tried again a
/// few times; if still busy, the job throws so the queue redelivers it (creators already issued are skipped cheaply).
/// Creators are independent (each under its own lease), so they are built side by side, at most
/// <c>Payouts:StatementBuildConcurrency</c> at once per instance however many jobs the host runs together.
/// </summary>
public sealed partial class StatementJobHandler(StatementBuilder builder, IOptions<PayoutsOptions> options, ILogger<StatementJobHandler> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _builds = new(options.Value.StatementBuildConcurrency);

    /// <summary>Real-time pauses before a busy creator is tried again: another worker is usually about to finish it.</summary>
    private static readonly TimeSpan[] BusyRetryDelays = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var job = StatementJob.TryParse(message) ?? throw new InvalidDataException($"Not a statement job: {Truncate(message)}");
        var pending = job.CreatorIds.ToList();
        foreach (var delay in BusyRetryDelays.Prepend(TimeSpan.Zero))
        {
            await Task.Delay(delay, ct);
            var busy = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Task.WhenAll(pending.Select(async creatorId =>
            {
                if (await BuildAsync(creatorId, job.Period, ct) == BuildResult.Busy)
                {
                    busy.Add(creatorId);
                }
            }));

            if (busy.IsEmpty)
            {
                return;
            }

            pending = [.. busy];
        }

        LogBusy(logger, job.Period, pending.Count);
        throw new StatementBuilderBusyException($"{pending.Count} creators were being built by another worker; the job will be retried.");
    }

    public void Dispose() => _builds.Dispose();

    private async Task<BuildResult> BuildAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        await _builds.WaitAsync(ct);
        try
        {
            return (await builder.BuildAsync(creatorId, period, ct)).Result;
        }
        finally
        {
            _builds.Release();
        }
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Statement job for {Period}: {Busy} creators busy, retrying later")]
    private static partial void LogBusy(ILogger logger, PeriodKey period, int busy);
}
