using Microsoft.Extensions.Logging;
using Payouts.Domain.Periods;
using Payouts.Storage.Periods;

namespace Payouts.Storage.Statements;

/// <summary>
/// One statement-jobs message: build each creator's statement. A creator another worker is building is tried again a
/// few times; if still busy, the job throws so the queue redelivers it (creators already issued are skipped cheaply).
/// </summary>
public sealed partial class StatementJobHandler(StatementBuilder builder, ILogger<StatementJobHandler> logger)
{
    /// <summary>Creators of one job are independent (each under its own lease), so they are built side by side.</summary>
    private const int CreatorParallelism = 8;

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
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = CreatorParallelism, CancellationToken = ct }, async (creatorId, token) =>
            {
                var outcome = await builder.BuildAsync(creatorId, job.Period, token);
                if (outcome.Result == BuildResult.Busy)
                {
                    busy.Add(creatorId);
                }
            });

            if (busy.IsEmpty)
            {
                return;
            }

            pending = [.. busy];
        }

        LogBusy(logger, job.Period, pending.Count);
        throw new StatementBuilderBusyException($"{pending.Count} creators were being built by another worker; the job will be retried.");
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Statement job for {Period}: {Busy} creators busy, retrying later")]
    private static partial void LogBusy(ILogger logger, PeriodKey period, int busy);
}
