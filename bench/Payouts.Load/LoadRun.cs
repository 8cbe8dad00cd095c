using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Load.Baselines;
using Payouts.Load.Infrastructure;
using Payouts.Load.Reporting;
using Payouts.Load.Scenarios;
using Payouts.Load.Workloads;
using Payouts.Domain.Periods;
using Payouts.Storage.Configuration;
using Payouts.Storage.Periods;
using Payouts.Storage.ReferenceData;

namespace Payouts.Load;

/// <summary>
/// One run: one Azurite, the baselines and the Payouts figures of the chosen workload, one table.
/// Time: ingest happens on 30 September 2026 (records of September, arriving in their own period); the close closes
/// October 2026 on 25 November 2026, when October is due (its end plus the two-day grace has passed).
/// </summary>
internal static class LoadRun
{
    private static readonly DateTimeOffset IngestDay = new(2026, 9, 30, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CloseDay = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken ct)
    {
        var root = RepositoryRoot();
        var startedUtc = TimeProvider.System.GetUtcNow();
        var measurements = new List<Measurement>();
        var notes = new List<string>
        {
            "Azurite (Node.js, in memory) shares the machine with the app and the load generator: read the ratios, not the absolute rates.",
        };

        var loadAtStart = LoadAverage();
        Console.WriteLine($"Starting Azurite and the app ({options.Command})…");
        await using var app = await BenchApp.StartAsync(IngestDay, options.Profile, ct);
        var profiles = new List<string>();
        await WarmUpAsync(app, ct);
        app.Profile?.Reset();
        Measurement? rawUpserts = null;

        if (options.RunsIngest || options.RunsQueue)
        {
            Measurement Raw(string key, string name, TimeSpan elapsed) => new()
            {
                Key = key,
                Name = name,
                IsBaseline = true,
                Size = $"{options.Records:N0} entities, 100/txn, 16 partitions ∥",
                Seconds = elapsed.TotalSeconds,
                Entities = options.Records,
            };

            Console.WriteLine($"raw: {options.Records:N0} batched upserts (100/transaction, 16 partitions)…");
            var upserts = Raw("raw-upserts", "batched Table upserts", await RawTableUpserts.RunAsync(app.Tables, options.Records, insertOnly: false, ct));
            Report(measurements, upserts);
            Console.WriteLine($"raw: {options.Records:N0} batched inserts (100/transaction, 16 partitions)…");
            var inserts = Raw("raw-inserts", "batched Table inserts", await RawTableUpserts.RunAsync(app.Tables, options.Records, insertOnly: true, ct));
            Report(measurements, inserts);

            // The ingest ratios are taken against the faster of the two: the stricter ceiling.
            rawUpserts = inserts.EntitiesPerSecond > upserts.EntitiesPerSecond ? inserts : upserts;
        }

        if (options.RunsIngest)
        {
            var batches = IngestBatches.Create("h", BenchApp.Partner, options.Records, options.HttpBatch, options.IngestCreators, seed: 1);
            Console.WriteLine($"Payouts: HTTP ingest of {batches.Records:N0} records in {batches.Batches.Count} signed batches, {options.Clients} clients…");
            app.Profile?.Reset();
            var result = await HttpIngestScenario.RunAsync(app, batches, options.Clients, ct);
            AddProfile(app, profiles, "HTTP ingest", batches.Batches.Count, "batch");
            Check(result.NotAccepted == 0, $"HTTP ingest: {result.NotAccepted} records were not accepted.");
            Report(measurements, Ingest("http-ingest", "HTTP ingest (function class in process)", $"{batches.Records:N0} records, {options.HttpBatch}/batch, {options.Clients} clients, {options.IngestCreators} creators", result.Elapsed, result.Accepted, batches, rawUpserts!, $"entities = 2 per record (record row + id claim) + {batches.ActivityMarks:N0} activity marks"));
        }

        if (options.RunsQueue)
        {
            var batches = IngestBatches.Create("q", BenchApp.Partner, options.Records, options.QueueBatch, options.IngestCreators, seed: 2);
            Check(batches.LargestBody <= 60 * 1024, $"A {options.QueueBatch}-record envelope is {batches.LargestBody:N0} bytes; a queue message is at most 64 KiB: lower --queue-batch.");
            var messages = QueueIngestScenario.Messages(batches);

            Console.WriteLine($"raw: queue send + receive + delete of {messages.Count:N0} messages of ≤ {batches.LargestBody:N0} bytes…");
            var (rawSend, rawDrain) = await RawQueueRoundTrip.RunAsync(app.Queues, messages, options.HostConcurrency, ct);
            var rawQueue = new Measurement
            {
                Key = "raw-queue",
                Name = "queue send + receive + delete",
                IsBaseline = true,
                Size = $"{messages.Count:N0} messages × {options.QueueBatch} records",
                Seconds = (rawSend + rawDrain).TotalSeconds,
                Records = batches.Records,
                Entities = messages.Count,
                Notes = $"entities = messages; send {rawSend.TotalSeconds:F1} s ({messages.Count / rawSend.TotalSeconds:N0} msg/s, 16 senders), receive + delete {rawDrain.TotalSeconds:F1} s ({messages.Count / rawDrain.TotalSeconds:N0} msg/s, host-like pump, {options.HostConcurrency} in flight)",
            };
            Report(measurements, rawQueue);

            Console.WriteLine($"Payouts: queue ingest of {batches.Records:N0} records in {messages.Count:N0} messages…");
            app.Profile?.Reset();
            var result = await QueueIngestScenario.RunAsync(app, messages, options.HostConcurrency, ct);
            AddProfile(app, profiles, "queue ingest (send included)", messages.Count, "message");
            Check(result.Pump.Completed == messages.Count, $"Queue ingest completed {result.Pump.Completed} of {messages.Count} messages.");
            var stored = await CountAsync(app, "q");
            Check(stored == batches.Records, $"Queue ingest stored {stored:N0} of {batches.Records:N0} records.");
            Report(measurements, Ingest("queue-ingest", "queue ingest (function class, host-like pump)", $"{batches.Records:N0} records, {options.QueueBatch}/message, {options.HostConcurrency} in flight, {options.IngestCreators} creators", result.Drain, batches.Records, batches, rawUpserts!,
                $"drain only (receive → function → delete); the partner's send took {result.Send.TotalSeconds:F1} s; function failures {result.Pump.Failures}; entities = 2 per record + {batches.ActivityMarks:N0} activity marks") with
            {
                Notes = $"drain only (receive → function → delete); the partner's send took {result.Send.TotalSeconds:F1} s; drain vs raw receive+delete of the same messages: {rawDrain.TotalSeconds / result.Drain.TotalSeconds:P0}; function failures {result.Pump.Failures}; entities = 2 per record + {batches.ActivityMarks:N0} activity marks",
            });
        }

        if (options.RunsClose)
        {
            await RunCloseAsync(app, options, measurements, profiles, ct);
        }

        if (loadAtStart is not null)
        {
            // Other work on the machine moves every absolute figure; the 1-minute load average says how much there was.
            notes.Add($"Machine load average (1 / 5 / 15 min) at the start: {loadAtStart}; at the end: {LoadAverage()}.");
        }

        if (app.Log.Count > 0)
        {
            notes.Add($"The app logged {app.Log.Count} warnings or errors (printed to stderr during the run).");
        }

        var sizes = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["records"] = options.RunsIngest || options.RunsQueue ? options.Records : 0,
            ["clients"] = options.Clients,
            ["httpBatch"] = options.HttpBatch,
            ["queueBatch"] = options.QueueBatch,
            ["ingestCreators"] = options.IngestCreators,
            ["gifts"] = options.RunsClose ? options.Gifts : 0,
            ["creators"] = options.RunsClose ? options.Creators : 0,
            ["hostConcurrency"] = options.HostConcurrency,
        };
        var report = new LoadReport(
            options.Command,
            startedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Commit(root),
            $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}",
            RuntimeInformation.FrameworkDescription,
            "Azurite 3.35.0 (in memory)",
            sizes,
            measurements,
            notes,
            profiles);
        Console.WriteLine();
        Console.WriteLine(ReportWriter.ToMarkdown(report));
        var (md, json) = ReportWriter.Write(report, options.ResultsDirectory ?? Path.Combine(root, "bench", "results"), startedUtc);
        Console.WriteLine($"Written: {md}\n         {json}");
        return 0;
    }

    private static async Task RunCloseAsync(BenchApp app, LoadOptions options, List<Measurement> measurements, List<string> profiles, CancellationToken ct)
    {
        Console.WriteLine($"Seeding October 2026: {options.Gifts:N0} gifts over {options.Creators:N0} creators…");
        var seedStarted = Stopwatch.GetTimestamp();
        await CloseDataset.SeedReferenceDataAsync(
            app.Services.GetRequiredService<RateStore>(), app.Services.GetRequiredService<ContractStore>(), app.Services.GetRequiredService<AgencyStore>(), options.Creators, ct);
        var seeded = await CloseDataset.SeedGiftsAsync(app.Tables, app.Services.GetRequiredService<PeriodStore>(), app.Services.GetRequiredService<Payouts.Storage.Settlement.SettlementLedger>(), options.Gifts, options.Creators, Instant.FromUtc(2026, 10, 31, 12, 0), ct);
        Console.WriteLine($"  seeded {seeded:N0} rows in {Stopwatch.GetElapsedTime(seedStarted).TotalSeconds:F1} s");

        Console.WriteLine("raw: partition scan of the stored rows…");
        var (scanElapsed, scanned) = await RawPartitionScan.RunAsync(app.Tables, options.Creators, ct);
        // Each record partition also holds its sequence row: the scan reads it like any other entity.
        Check(scanned == seeded + options.Creators, $"The scan read {scanned:N0} of {seeded:N0} rows and {options.Creators:N0} sequence rows.");
        var scan = new Measurement
        {
            Key = "raw-scan",
            Name = "partition scan of the stored gift rows",
            IsBaseline = true,
            Size = $"{scanned:N0} rows in {options.Creators:N0} partitions, {RawPartitionScan.Parallelism} ∥",
            Seconds = scanElapsed.TotalSeconds,
            Entities = scanned,
        };
        Report(measurements, scan);

        if (options.CloseOutOfProcess)
        {
            await RunCloseOutOfProcessAsync(app, options, measurements, scan, seeded, ct);
            return;
        }

        app.Time.SetUtcNow(CloseDay);
        Console.WriteLine($"Payouts: close of {CloseDataset.Period} (clock {CloseDay:yyyy-MM-dd HH:mm}Z) until every statement is issued…");
        app.Profile?.Reset();
        var result = await PeriodCloseScenario.RunAsync(app, options.HostConcurrency, options.CloseJobSize, options.Creators, ct);
        AddProfile(app, profiles, "period close", options.Creators, "statement");
        Check(result.Statements == options.Creators, $"The close issued {result.Statements} statements for {options.Creators} creators.");
        Check(result.RecordsCounted == seeded, $"The statements counted {result.RecordsCounted:N0} of {seeded:N0} records.");
        var perSecond = seeded / result.Elapsed.TotalSeconds;
        Report(measurements, new Measurement
        {
            Key = "close",
            Name = options.CloseJobSize is { } jobSize ? $"period close → all statements issued (what-if: jobs of {jobSize} creators)" : "period close → all statements issued (app in the bench process)",
            IsBaseline = false,
            Size = $"{seeded:N0} gifts, {options.Creators:N0} creators, {result.Jobs} jobs, {options.HostConcurrency} in flight",
            Seconds = result.Elapsed.TotalSeconds,
            Records = seeded,
            Entities = seeded,
            Baseline = scan.Name,
            RecordRatio = perSecond / scan.EntitiesPerSecond,
            EntityRatio = perSecond / scan.EntitiesPerSecond,
            Goal = 0.5,
            PeakWorkingSetBytes = result.PeakWorkingSetBytes,
            AppProcess = "in process: the bench process hosts the load generator and the app; its memory figure includes both",
            Notes = $"close call {result.CloseCall.TotalSeconds:F2} s; statuses {string.Join(", ", result.Statuses.Select(s => $"{s.Key} {s.Value}"))}; job failures {result.Pump.Failures}; entities = rows read (the close writes no record rows; each statement writes its lines, one commit transaction, an index row, 3 blobs and 2 outbox rows); peak working set {(result.PeakIsHighWaterMark ? "from the kernel's high-water mark, reset at the close" : "sampled every 50 ms")}, {result.StartWorkingSetBytes / 1024d / 1024d:F0} MB at the start of the close",
        });
    }

    /// <summary>
    /// The close with the app in a DevHost process of its own on this run's Azurite (<see cref="OutOfProcessCloseScenario"/>):
    /// its peak working set is the app's alone, read from outside. The DevHost runs on the wall clock (it has no fixed
    /// clock for <c>serve</c>), so the close happens now: October 2026 must be due (after 2 November 2026, 23:00 UTC).
    /// </summary>
    private static async Task RunCloseOutOfProcessAsync(BenchApp app, LoadOptions options, List<Measurement> measurements, Measurement scan, long seeded, CancellationToken ct)
    {
        var calendar = app.Services.GetRequiredService<PeriodCalendar>();
        var now = SystemClock.Instance.GetCurrentInstant();
        Check(calendar.IsDue(CloseDataset.Period, now), $"The DevHost closes on the wall clock, and {CloseDataset.Period} is not due until {calendar.DueAt(CloseDataset.Period)} (now {now}): use --app-process inproc.");

        var dll = DevHostProcess.Locate(RepositoryRoot(), options.DevHostDll);
        var payouts = app.Services.GetRequiredService<IOptions<PayoutsOptions>>().Value;
        var settings = new Dictionary<string, string?>(app.Settings, StringComparer.Ordinal)
        {
            // The in-process app's effective options, spelled out so the DevHost's own defaults cannot differ.
            ["Payouts:StorageConnection"] = payouts.StorageConnection,
            ["Payouts:Periods:Kind"] = payouts.Periods.Kind.ToString(),
            ["Payouts:Periods:TimeZone"] = payouts.Periods.TimeZone,
            ["Payouts:Periods:Grace"] = payouts.Periods.Grace.ToString("c", CultureInfo.InvariantCulture),
            ["Payouts:SignatureTolerance"] = payouts.SignatureTolerance.ToString("c", CultureInfo.InvariantCulture),
            ["Payouts:StatementLease"] = payouts.StatementLease.ToString("c", CultureInfo.InvariantCulture),
            ["Payouts:StatementBuildConcurrency"] = payouts.StatementBuildConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Payouts:CloseSchedule"] = payouts.CloseSchedule,
            ["Payouts:WebhookSchedule"] = payouts.WebhookSchedule,

            // Only the close the bench triggers runs: no period-close timer, no webhook dispatcher (the in-process run has neither).
            ["AzureWebJobs.ClosePeriodsTimer.Disabled"] = "true",
            ["AzureWebJobs.DispatchWebhooksTimer.Disabled"] = "true",

            // The in-process app logs at Warning; so does the DevHost's console (provider rules beat its Information filters).
            ["Logging:Console:LogLevel:Default"] = "Warning",
        };
        if (options.HostConcurrency != new LoadOptions { Command = "close" }.HostConcurrency)
        {
            // In flight = batchSize + newBatchThreshold, as in the host and the in-process pump.
            var batch = Math.Min(HostLikeQueuePump.BatchSize, options.HostConcurrency);
            settings["AzureFunctionsJobHost:extensions:queues:batchSize"] = batch.ToString(CultureInfo.InvariantCulture);
            settings["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = (options.HostConcurrency - batch).ToString(CultureInfo.InvariantCulture);
        }

        Console.WriteLine($"Starting the app in its own process: dotnet {dll} serve (Azurite of this run, timers off)…");
        await using var host = await DevHostProcess.StartAsync(dll, settings, TimeSpan.FromSeconds(90), ct);
        Console.WriteLine($"Payouts: close of {CloseDataset.Period} through POST /api/periods/{CloseDataset.Period}/close (wall clock {now:yyyy-MM-dd HH:mm}Z) until every statement is issued…");
        var result = await OutOfProcessCloseScenario.RunAsync(app, host, options.Creators, seeded, ct);
        var exit = await host.StopAsync();
        Console.WriteLine($"  DevHost stopped (SIGTERM), exit code {exit}");

        Check(result.Statements == options.Creators, $"The close issued {result.Statements} statements for {options.Creators} creators.");
        Check(result.RecordsCounted == seeded, $"The statements counted {result.RecordsCounted:N0} of {seeded:N0} records.");
        var perSecond = seeded / result.Elapsed.TotalSeconds;
        var m = result.Memory;
        Report(measurements, new Measurement
        {
            Key = "close",
            Name = "period close → all statements issued (app in its own DevHost process)",
            IsBaseline = false,
            Size = $"{seeded:N0} gifts, {options.Creators:N0} creators, {result.Jobs} jobs, {options.HostConcurrency} in flight",
            Seconds = result.Elapsed.TotalSeconds,
            Records = seeded,
            Entities = seeded,
            Baseline = scan.Name,
            RecordRatio = perSecond / scan.EntitiesPerSecond,
            EntityRatio = perSecond / scan.EntitiesPerSecond,
            Goal = 0.5,
            PeakWorkingSetBytes = m.PeakBytes,
            AppProcess = "out of process: DevHost serve on this run's Azurite, no load generator inside; memory read from /proc by the bench",
            AppMemory = m,
            Notes = $"close call (HTTP) {result.CloseCall.TotalSeconds:F2} s; jobs run by the DevHost's queue listener (host.json: batchSize 16, newBatchThreshold 8, maxPollingInterval 2 s, so up to 2 s before the first job is picked up); done = statement-jobs empty and every creator's statement final, polled every 250 ms; statuses {string.Join(", ", result.Statuses.Select(s => $"{s.Key} {s.Value}"))}; {result.Reconciliation}; DevHost warnings/errors {result.DevHostWarnings}, exit {exit}; entities = rows read (no record row is written by the close); the dataset's agency webhook points at a closed port, so each statement's immediate webhook attempt fails (the warnings) and stays in the outbox; peak working set = max(VmRSS sampled every {ProcessMemoryWatch.Interval.TotalMilliseconds:F0} ms, VmHWM{(m.HighWaterMarkReset ? " reset at the close" : " since start")}) of the DevHost, {m.AtRestRssBytes / 1024d / 1024d:F0} MB at rest before the close",
        });
    }

    private static void AddProfile(BenchApp app, List<string> profiles, string title, int units, string unitName)
    {
        if (app.Profile is { } profile)
        {
            profiles.Add(profile.TakeMarkdown(title, units, unitName));
        }
    }

    /// <summary>JIT, connection pools and Azurite's first requests, kept out of every figure.</summary>
    private static async Task WarmUpAsync(BenchApp app, CancellationToken ct)
    {
        await RawTableUpserts.RunAsync(app.Tables, 1_600, insertOnly: true, ct, tableName: "BenchWarmUp");
        var warm = IngestBatches.Create("w", BenchApp.Partner, 400, 200, 20, seed: 99);
        await HttpIngestScenario.RunAsync(app, warm, 2, ct);
        var queue = app.Queues.GetQueueClient(Storage.Tables.QueueNames.GiftsInbound);
        await RawQueueRoundTrip.SendAllAsync(queue, QueueIngestScenario.Messages(warm), ct);
        await new HostLikeQueuePump(queue, 4).DrainAsync(warm.Batches.Count, app.Function<Functions.Ingestion.IngestGiftsQueue>().Run, ct);
    }

    private static Measurement Ingest(string key, string name, string size, TimeSpan elapsed, int records, IngestBatches batches, Measurement baseline, string notes)
    {
        var entities = (2L * records) + batches.ActivityMarks;
        var seconds = elapsed.TotalSeconds;
        return new Measurement
        {
            Key = key,
            Name = name,
            IsBaseline = false,
            Size = size,
            Seconds = seconds,
            Records = records,
            Entities = entities,
            Baseline = baseline.Name,
            RecordRatio = records / seconds / baseline.EntitiesPerSecond,
            EntityRatio = entities / seconds / baseline.EntitiesPerSecond,
            Goal = 0.6,
            Notes = notes,
        };
    }

    private static void Report(List<Measurement> measurements, Measurement m)
    {
        measurements.Add(m);
        var ratio = m.RecordRatio is { } r ? $", {r:P0} of {m.Baseline} (entities {m.EntityRatio:P0})" : string.Empty;
        Console.WriteLine($"  {m.Name}: {m.Seconds:F1} s{(m.RecordsPerSecond is { } rps ? $", {rps:N0} records/s" : string.Empty)}, {m.EntitiesPerSecond:N0} entities/s{ratio}");
    }

    private static async Task<long> CountAsync(BenchApp app, string prefix)
    {
        var ids = app.Tables.GetTableClient(Storage.Tables.TableNames.RecordIds);
        long count = 0;
        await foreach (var _ in ids.QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix + "~"}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private static string? LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]}" : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Payouts.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static string Commit(string root)
    {
        try
        {
            var git = new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(git)!;
            var sha = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && sha.Length > 0 ? sha : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
