using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Functions.Statements;
using Payouts.Load.Infrastructure;
using Payouts.Load.Workloads;
using Payouts.Storage.Tables;
using Payouts.Application.Periods;

namespace Payouts.Load.Scenarios;

/// <summary>
/// Closes the seeded period through <see cref="PeriodCloser"/> (the timer's and the admin endpoint's code path), then
/// drains <c>statement-jobs</c> through the real <see cref="BuildStatementsQueue"/> function class with the host-like
/// pump. Wall time runs from the close call until every job completed; the statement count and the records they
/// counted are checked against the seed, so a fast but wrong close cannot pass.
/// </summary>
internal static class PeriodCloseScenario
{
    public sealed record Result(
        TimeSpan Elapsed,
        TimeSpan CloseCall,
        int Jobs,
        HostLikeQueuePump.Result Pump,
        int Statements,
        long RecordsCounted,
        long PeakWorkingSetBytes,
        long StartWorkingSetBytes,
        bool PeakIsHighWaterMark,
        IReadOnlyDictionary<string, int> Statuses);

    /// <param name="jobSize">
    /// Null runs the product as it is. A number is a what-if: the jobs the closer sent are replaced by jobs of
    /// <paramref name="jobSize"/> creators each (same creators, same function), to measure what job size costs.
    /// </param>
    public static async Task<Result> RunAsync(BenchApp app, int maxInFlight, int? jobSize, int creators, CancellationToken ct)
    {
        var closer = app.Services.GetRequiredService<PeriodCloser>();
        var jobsQueue = app.Queues.GetQueueClient(QueueNames.StatementJobs);
        var function = app.Function<BuildStatementsQueue>();
        await using var memory = MemoryWatch.Start();

        var started = Stopwatch.GetTimestamp();
        var outcome = await closer.CloseAsync(CloseDataset.Period, force: false, ct);
        var closeCall = Stopwatch.GetElapsedTime(started);
        if (outcome.Result != CloseResult.Closed)
        {
            throw new InvalidOperationException($"The close answered {outcome.Result}: {outcome.Detail}");
        }

        var jobs = (outcome.Creators + StatementJob.MaxCreators - 1) / StatementJob.MaxCreators;
        if (jobSize is { } size)
        {
            await jobsQueue.ClearMessagesAsync(ct);
            var chunks = Enumerable.Range(0, creators).Select(CloseDataset.CreatorId).Chunk(size).ToList();
            foreach (var chunk in chunks)
            {
                await jobsQueue.SendMessageAsync(new StatementJob(CloseDataset.Period, chunk).ToJson(), ct);
            }

            jobs = chunks.Count;
        }

        var pump = await new HostLikeQueuePump(jobsQueue, maxInFlight).DrainAsync(jobs, function.Run, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var peak = await memory.StopAsync();

        var (statements, counted, statuses) = await StatementsOfAsync(app.Tables, ct);
        return new Result(elapsed, closeCall, jobs, pump, statements, counted, peak, memory.StartBytes, memory.HighWaterMarkReset, statuses);
    }

    /// <summary>Statement headers of the period (StatementsByPeriod index) and the records they counted.</summary>
    private static async Task<(int Statements, long Records, IReadOnlyDictionary<string, int> Statuses)> StatementsOfAsync(TableServiceClient tables, CancellationToken ct)
    {
        var byPeriod = tables.GetTableClient(TableNames.StatementsByPeriod);
        var statements = tables.GetTableClient(TableNames.Statements);
        var count = 0;
        long records = 0;
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in byPeriod.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CloseDataset.Period.ToString()}"), cancellationToken: ct))
        {
            var status = row.GetString("Status") ?? "?";
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            count++;
        }

        await foreach (var header in statements.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Period eq {CloseDataset.Period.ToString()}"), select: ["RecordCount", "StatementId"], cancellationToken: ct))
        {
            if (header.GetString("StatementId") is not null)
            {
                records += header.GetInt32("RecordCount") ?? 0;
            }
        }

        return (count, records, statuses);
    }
}
