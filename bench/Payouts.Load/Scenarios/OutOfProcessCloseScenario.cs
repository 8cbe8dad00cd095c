using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Payouts.Load.Infrastructure;
using Payouts.Load.Reporting;
using Payouts.Load.Workloads;
using Payouts.Storage.Tables;

namespace Payouts.Load.Scenarios;

/// <summary>
/// The period close with the Functions app in its own process (<see cref="DevHostProcess"/>), on the bench's Azurite:
/// the bench only seeds, triggers and watches. The close is <c>POST /api/periods/2026-10/close</c> with the admin key
/// (the timer's code path); the DevHost's own queue listener (host.json semantics: batchSize 16, newBatchThreshold 8,
/// maxPollingInterval 2 s) runs <c>BuildStatementsQueue</c>. Wall time runs from the close call until the
/// <c>statement-jobs</c> queue is empty and every creator has a statement in a final state. The DevHost's memory is
/// read from /proc every 200 ms, from this process. Checked like the in-process scenario: one statement per creator,
/// their record counts summing to the seed, and the admin reconciliation (<c>GET /api/periods/2026-10</c>) agreeing.
/// </summary>
internal static class OutOfProcessCloseScenario
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AtRestWindow = TimeSpan.FromSeconds(3);
    private static readonly string[] FinalStatuses = ["Issued", "CarriedForward", "Blocked"];

    public sealed record Result(
        TimeSpan Elapsed,
        TimeSpan CloseCall,
        int Jobs,
        int Statements,
        long RecordsCounted,
        IReadOnlyDictionary<string, int> Statuses,
        AppProcessMemory Memory,
        int DevHostWarnings,
        string Reconciliation);

    public static async Task<Result> RunAsync(BenchApp app, DevHostProcess host, int creators, long seeded, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("x-functions-key", host.MasterKey);
        var jobsQueue = app.Queues.GetQueueClient(QueueNames.StatementJobs);
        var poisonQueue = app.Queues.GetQueueClient(QueueNames.StatementJobs + "-poison");
        var period = CloseDataset.Period.ToString();

        // The process at rest: started, storage initialised, listeners polling, nothing to do.
        using (var health = await http.GetAsync(new Uri("api/health", UriKind.Relative), ct))
        {
            Console.WriteLine($"  DevHost pid {host.Pid} on {host.BaseAddress}: health {(int)health.StatusCode}");
        }

        await using var watch = new ProcessMemoryWatch(host.Pid);
        watch.Start();
        await Task.Delay(AtRestWindow, ct);
        var atRest = watch.LastRss;
        var startUpHighWaterMark = ProcessMemoryWatch.Read(host.Pid)?.HighWaterMark ?? 0;
        await watch.StopAsync();
        Console.WriteLine($"  at rest: RSS {Mb(atRest):F0} MB, high-water mark since start {Mb(startUpHighWaterMark):F0} MB");

        await using var closeWatch = new ProcessMemoryWatch(host.Pid);
        var reset = closeWatch.TryResetHighWaterMark();
        closeWatch.Start();

        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(new Uri($"api/periods/{period}/close", UriKind.Relative), content: null, ct);
        var closeCall = Stopwatch.GetElapsedTime(started);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/periods/{period}/close answered {(int)response.StatusCode}: {body}");
        }

        using (var outcome = JsonDocument.Parse(body))
        {
            var result = outcome.RootElement.GetProperty("result").GetString();
            var visited = outcome.RootElement.GetProperty("creators").GetInt32();
            if (result != "closed" || visited != creators)
            {
                throw new InvalidOperationException($"The close answered {body}; expected closed with {creators} creators.");
            }
        }

        var jobs = (creators + Application.Periods.StatementJob.MaxCreators - 1) / Application.Periods.StatementJob.MaxCreators;
        var lastReport = Stopwatch.GetTimestamp();
        int statements;
        IReadOnlyDictionary<string, int> statuses;
        while (true)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The DevHost exited during the close:\n{host.Tail()}");
            }

            var poisoned = (await poisonQueue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            if (poisoned > 0)
            {
                throw new InvalidOperationException($"{poisoned} statement jobs went to the poison queue:\n{host.Tail()}");
            }

            // The queue's count includes messages in flight: 0 means every job's function returned and was deleted.
            var queued = (await jobsQueue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            if (queued == 0)
            {
                (statements, statuses) = await IndexAsync(app.Tables, period, ct);
                if (statements >= creators && statuses.Where(s => !FinalStatuses.Contains(s.Key)).Sum(s => s.Value) == 0)
                {
                    break;
                }
            }

            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(30))
            {
                lastReport = Stopwatch.GetTimestamp();
                Console.WriteLine($"  … {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s: {queued} jobs queued, RSS {Mb(closeWatch.LastRss):F0} MB (peak {Mb(closeWatch.PeakRss):F0} MB)");
            }

            await Task.Delay(Poll, ct);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await closeWatch.StopAsync();
        var end = ProcessMemoryWatch.Read(host.Pid) ?? throw new InvalidOperationException("The DevHost's /proc status could not be read after the close.");
        var memory = new AppProcessMemory
        {
            Process = $"dotnet {Path.GetFileName(host.Dll)} serve (pid {host.Pid})",
            Method = $"/proc/<pid>/status read from the bench process every {ProcessMemoryWatch.Interval.TotalMilliseconds:F0} ms",
            AtRestRssBytes = atRest,
            StartUpHighWaterMarkBytes = startUpHighWaterMark,
            PeakRssBytes = closeWatch.PeakRss,
            HighWaterMarkBytes = end.HighWaterMark,
            HighWaterMarkReset = reset,
            EndRssBytes = end.Rss,
            Samples = closeWatch.Samples,
        };

        var (_, counted) = await CountedAsync(app.Tables, period, ct);
        var reconciliation = await ReconcileAsync(http, period, seeded, ct);
        return new Result(elapsed, closeCall, jobs, statements, counted, statuses, memory, host.Warnings, reconciliation);
    }

    /// <summary>The admin view after the close: stored = counted by this period's statements, nothing left uncounted.</summary>
    private static async Task<string> ReconcileAsync(HttpClient http, string period, long seeded, CancellationToken ct)
    {
        using var view = await http.GetFromJsonAsync<JsonDocument>(new Uri($"api/periods/{period}", UriKind.Relative), ct)
            ?? throw new InvalidOperationException($"GET /api/periods/{period} answered nothing.");
        var root = view.RootElement;
        var records = root.GetProperty("records");
        var status = root.GetProperty("status").GetString();
        var stored = records.GetProperty("stored").GetInt64();
        var counted = records.GetProperty("countedByThisPeriodsStatements").GetInt64();
        var notYet = records.GetProperty("notYetCounted").GetInt64();
        if (status != "Closed" || stored != seeded || counted != seeded || notYet != 0)
        {
            throw new InvalidOperationException($"GET /api/periods/{period} does not reconcile with the seed of {seeded:N0}: {root.GetRawText()}");
        }

        return $"GET /api/periods/{period}: {status}, {stored:N0} stored, {counted:N0} counted by its statements, {notYet} not yet counted";
    }

    /// <summary>The StatementsByPeriod index of the period: rows and their statuses (one row per creator).</summary>
    private static async Task<(int Rows, IReadOnlyDictionary<string, int> Statuses)> IndexAsync(TableServiceClient tables, string period, CancellationToken ct)
    {
        var byPeriod = tables.GetTableClient(TableNames.StatementsByPeriod);
        var count = 0;
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in byPeriod.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period}"), select: ["Status"], cancellationToken: ct))
        {
            var status = row.GetString("Status") ?? "?";
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            count++;
        }

        return (count, statuses);
    }

    /// <summary>Statement headers of the period and the records they counted (as the in-process scenario checks).</summary>
    private static async Task<(int Headers, long Records)> CountedAsync(TableServiceClient tables, string period, CancellationToken ct)
    {
        var statements = tables.GetTableClient(TableNames.Statements);
        var headers = 0;
        long records = 0;
        await foreach (var header in statements.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Period eq {period}"), select: ["RecordCount", "StatementId"], cancellationToken: ct))
        {
            if (header.GetString("StatementId") is not null)
            {
                headers++;
                records += header.GetInt32("RecordCount") ?? 0;
            }
        }

        return (headers, records);
    }

    private static double Mb(long bytes) => bytes / 1024d / 1024d;
}
