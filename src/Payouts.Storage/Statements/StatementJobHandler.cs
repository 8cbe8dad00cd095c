using Microsoft.Extensions.Logging;
using Payouts.Domain.Periods;
using Payouts.Storage.Periods;

namespace Payouts.Storage.Statements;

/// <summary>One statement-jobs message: build each creator's statement; a busy creator makes the whole job retry later.</summary>
public sealed partial class StatementJobHandler(StatementBuilder builder, ILogger<StatementJobHandler> logger)
{
    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var job = StatementJob.TryParse(message) ?? throw new InvalidDataException($"Not a statement job: {Truncate(message)}");
        var busy = new List<string>();
        foreach (var creatorId in job.CreatorIds)
        {
            var outcome = await builder.BuildAsync(creatorId, job.Period, ct);
            if (outcome.Result == BuildResult.Busy)
            {
                busy.Add(creatorId);
            }
        }

        if (busy.Count > 0)
        {
            LogBusy(logger, job.Period, busy.Count);
            throw new StatementBuilderBusyException($"{busy.Count} creators were being built by another worker; the job will be retried.");
        }
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Statement job for {Period}: {Busy} creators busy, retrying later")]
    private static partial void LogBusy(ILogger logger, PeriodKey period, int busy);
}
