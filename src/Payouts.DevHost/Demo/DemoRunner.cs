using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.DevHost.Discovery;
using Payouts.DevHost.Http;
using Payouts.DevHost.Hosting;
using Payouts.Domain.Periods;
using Payouts.Storage.Tables;

namespace Payouts.DevHost.Demo;

/// <summary>
/// The README's first command: starts Azurite and the DevHost, loads reference data through the admin API, sends a
/// period of partner records through the signed HTTP API and the queues with the app's clock following the days,
/// lets the timer close the period once it is due, waits for the statements, lets the timer issue the agency
/// statements, waits for the signed webhooks, downloads the documents and prints what each creator is paid and what
/// each agency earns, checked against the demo's own expectations and the creator statements.
/// </summary>
public sealed class DemoRunner(DemoOptions demo, DevHostOptions host, TextWriter output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly bool _interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>The outcome, for the end-to-end test: the expectations, what the statements said, and the files written.</summary>
    public DemoResult? Result { get; private set; }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var clock = new DemoClock(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        DevHostApp? app = null;
        await using var receiver = await WebhookReceiver.StartAsync(agency => Secrets(app!, $"Payouts:Webhooks:{agency}:Secrets"), clock, ct);
        Step("Starting Azurite and the DevHost (first run: npm ci of the pinned Azurite in tools/)");
        app = await DevHostApp.StartAsync(host with
        {
            Port = 0,
            ScheduleTimers = false,
            RunTimersNow = false,
            AppLogLevel = demo.Verbose ? LogLevel.Information : LogLevel.Warning,
            Settings = DemoSettings(host.Settings),
            ConfigureServices = services =>
            {
                host.ConfigureServices?.Invoke(services);
                services.AddSingleton<TimeProvider>(clock);
            },
        }, ct);
        await using var _ = app;
        var catalog = app.Catalog;
        Info($"DevHost at {app.BaseAddress} serving {catalog.Functions.Count} functions: {catalog.Of(TriggerKind.HttpTrigger).Count()} HTTP, {catalog.Of(TriggerKind.QueueTrigger).Count()} queue, {catalog.Of(TriggerKind.TimerTrigger).Count()} timer");
        Info(app.AzuriteConnectionString is null ? "storage: the configured account (AzureWebJobsStorage)" : "storage: Azurite in memory, free ports (stopped at the end)");

        var calendar = app.Services.GetRequiredService<PeriodCalendar>();
        var period = demo.Period is { } text ? PeriodKey.Parse(text)
            : calendar.Kind == PeriodKind.Monthly ? PeriodKey.Month(2026, 11) : PeriodKey.Week(2026, 47);
        var scenario = DemoScenario.Generate(demo.Seed, Math.Max(1, demo.Creators), Math.Max(0, demo.Gifts), period, calendar, GiftCatalog.Load());
        var expectations = DemoExpectation.For(scenario);
        clock.Set(calendar.StartOf(period).ToDateTimeOffset() - TimeSpan.FromDays(1));

        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var api = new DemoApi(http, app.Keys, clock);
        var queues = app.Services.GetRequiredService<QueueServiceClient>();

        Step($"Reference data through the admin API (PUT /api/rates, /api/agencies, /api/creators, /api/creators/{{id}}/payout-details)");
        foreach (var (kind, key, from, value, versionId) in DemoScenario.Rates(period))
        {
            await api.AdminAsync(HttpMethod.Put, "rates", new { kind, key, from, value, versionId }, ct);
        }

        foreach (var agency in scenario.Creators.Select(c => c.AgencyId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await api.AdminAsync(HttpMethod.Put, $"agencies/{agency}", new { name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(agency) + " Talent", webhookUrl = receiver.UrlFor(agency).ToString() }, ct);
        }

        foreach (var c in scenario.Creators)
        {
            await api.AdminAsync(HttpMethod.Put, $"creators/{c.CreatorId}", new
            {
                effectiveFrom = "2024-01-01",
                region = c.Region,
                payoutCurrency = c.Currency,
                agencyId = c.AgencyId,
                commissionGifts = Dec(c.CommissionGifts),
                commissionDeals = Dec(c.CommissionDeals),
                commissionBonuses = Dec(c.CommissionBonuses),
                minimumPayout = Dec(c.MinimumPayout),
            }, ct);
        }

        await DemoPayoutBatch.SetDetailsAsync(api, scenario.Creators, ct);
        Info($"{DemoScenario.Rates(period).Count} rates (gift rates FR/DE/US, USD→EUR 0.93 then 0.92 on {period.LastDay:yyyy-MM-dd}), {scenario.Creators.Select(c => c.AgencyId).OfType<string>().Distinct().Count()} agencies with webhooks to {receiver.BaseAddress}, {scenario.Creators.Count} creators");

        var before = await api.AdminAsync(HttpMethod.Get, $"periods/{period}", null, ct);
        if (before.GetProperty("status").GetString() == "Closed")
        {
            // A rerun over persistent storage (--data, a real account): the period is history; read its statements back.
            clock.Set(calendar.DueAt(period).ToDateTimeOffset() + TimeSpan.FromMinutes(5));
            Step($"{period} is already closed in this storage (an earlier run): its statements are read back, nothing is sent");
            var stored = await WaitForStatementsAsync(api, period, [.. scenario.Creators.Select(c => c.CreatorId)], ct);
            return await ReportAsync(scenario, expectations, stored, await AgencyStatementsAsync(api, period, AgenciesOf(scenario), ct), [], api, app, ct);
        }

        Step($"Sending {period} day by day: gifts and deals over signed HTTP, some days through the queues (the app's clock follows)");
        var counts = await SendDaysAsync(scenario, calendar, clock, api, queues, app, ct);
        Info($"HTTP: {counts.Accepted} accepted, {counts.Duplicates} duplicates (a batch resent on purpose), {counts.Rejected} rejected (a record with quantity 0)");

        var expectedStored = scenario.All.Count(r => !r.Invalid);
        Step($"Period {period} ends {calendar.EndOf(period).InZone(calendar.Zone):uuuu-MM-dd HH:mm x}; the clock moves into the grace period");
        clock.Set(calendar.EndOf(period).ToDateTimeOffset() + TimeSpan.FromHours(1));
        await SendQueueAsync(queues, QueueNames.GiftsInbound, DemoScenario.GiftPartner, [scenario.LateGift.Json], base64: false, ct);
        Info($"a late gift for {scenario.LateGift.CreatorId} ({scenario.LateGift.Json["giftId"]}, occurred {scenario.LateGift.Json["occurredAt"]}) arrives through gifts-inbound");
        await app.FireTimerAsync("ClosePeriodsTimer", ct);
        var state = await api.AdminAsync(HttpMethod.Get, $"periods/{period}", null, ct);
        Info($"timer fired at {Now(clock, calendar)}: {period} is {state.GetProperty("status").GetString()}, due at {Local(state.GetProperty("dueAt").GetString()!, calendar)}: nothing closed");
        await WaitForStoredAsync(api, period, expectedStored, ct);

        clock.Set(calendar.DueAt(period).ToDateTimeOffset() + TimeSpan.FromMinutes(5));
        Step($"Clock at {Now(clock, calendar)}: the period is due; the close timer fires");
        await app.FireTimerAsync("ClosePeriodsTimer", ct);
        state = await api.AdminAsync(HttpMethod.Get, $"periods/{period}", null, ct);
        Info($"{period}: {state.GetProperty("status").GetString()}, statement jobs sent for {state.GetProperty("creatorsVisited").GetInt32()} creators (queue statement-jobs → BuildStatementsQueue)");
        var statements = await WaitForStatementsAsync(api, period, scenario.Creators.Select(c => c.CreatorId).ToList(), ct);

        Step("Agency statements: the close timer fires again; every creator statement of the period is in, so each agency gets one");
        await app.FireTimerAsync("ClosePeriodsTimer", ct);
        var agencyStatements = await AgencyStatementsAsync(api, period, AgenciesOf(scenario), ct);
        Info($"{agencyStatements.Count} agency statements: {string.Join(", ", agencyStatements.Values)} (GET /api/agencies/{{agencyId}}/statements)");

        Step("Webhooks: the dispatcher timer delivers the outbox to the agencies' endpoints");
        var expectedWebhooks = scenario.Creators.Count(c => c.AgencyId is not null) + agencyStatements.Count;
        await WaitForWebhooksAsync(app, receiver, expectedWebhooks, ct);
        var deliveries = receiver.Deliveries;
        Info($"{deliveries.Count} deliveries ({string.Join(", ", deliveries.GroupBy(d => d.AgencyId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}; {deliveries.Count(d => d.Event == "agencyStatement.issued")} of them agency statements), every Payouts-Signature verified; {receiver.Refused} refused");
        return await ReportAsync(scenario, expectations, statements, agencyStatements, deliveries, api, app, ct);
    }

    private async Task<int> ReportAsync(
        DemoScenario scenario,
        IReadOnlyList<DemoExpectation> expectations,
        Dictionary<string, string> statements,
        Dictionary<string, string> agencyStatements,
        IReadOnlyCollection<WebhookReceiver.Delivery> deliveries,
        DemoApi api,
        DevHostApp app,
        CancellationToken ct)
    {
        var period = scenario.Period;
        Step($"Statement documents (GET /api/statements/{{id}} as JSON, CSV, HTML, PDF) and agency statements (GET /api/agency-statements/{{id}} as JSON, CSV, HTML) → {demo.OutDirectory}");
        var actuals = new List<StatementFigures>();
        var files = new List<string>();
        var folder = Path.GetFullPath(Path.Combine(demo.OutDirectory, period.ToString()));
        Directory.CreateDirectory(folder);
        foreach (var (creatorId, statementId) in statements)
        {
            foreach (var (media, extension) in new[] { ("application/json", "json"), ("text/csv", "csv"), ("text/html", "html"), ("application/pdf", "pdf") })
            {
                var bytes = await api.DocumentAsync(statementId, media, ct);
                var path = Path.Combine(folder, $"{creatorId}.{extension}");
                await File.WriteAllBytesAsync(path, bytes, ct);
                files.Add(path);
                if (extension == "json")
                {
                    actuals.Add(StatementFigures.Parse(bytes));
                }
            }
        }

        var agencyFolder = Path.Combine(folder, "agencies");
        Directory.CreateDirectory(agencyFolder);
        var agencies = new List<AgencyFigures>();
        foreach (var (agencyId, agencyStatementId) in agencyStatements)
        {
            foreach (var (media, extension) in new[] { ("application/json", "json"), ("text/csv", "csv"), ("text/html", "html") })
            {
                var bytes = await api.DocumentAsync("agency-statements", agencyStatementId, media, ct);
                var path = Path.Combine(agencyFolder, $"{agencyId}.{extension}");
                await File.WriteAllBytesAsync(path, bytes, ct);
                files.Add(path);
                if (extension == "json")
                {
                    agencies.Add(AgencyFigures.Parse(bytes));
                }
            }
        }

        Step($"The finance team's payout batch (GET /api/periods/{period}/payout-batch as JSON, CSV, pain.001 XML) → {folder}");
        var (batchFiles, batchSummary) = await DemoPayoutBatch.DownloadAsync(api, period, folder, PollAsync, ct);
        Info(batchSummary);
        var webhookDocs = deliveries.FirstOrDefault(d => d.Event != "agencyStatement.issued")?.Body.GetProperty("documents");
        var exit = PrintSummary(scenario, expectations, actuals);
        exit |= PrintAgencies(scenario, agencies, actuals);
        output.WriteLine();
        output.WriteLine($"Statements ({actuals.Count} × JSON, CSV, HTML, PDF) in {folder}{Path.DirectorySeparatorChar}");
        foreach (var c in scenario.Creators)
        {
            output.WriteLine($"  {c.CreatorId,-12} {Path.Combine(folder, c.CreatorId + ".html")}");
        }

        output.WriteLine($"Agency statements ({agencies.Count} × JSON, CSV, HTML) in {agencyFolder}{Path.DirectorySeparatorChar}");
        foreach (var agency in agencies)
        {
            output.WriteLine($"  {agency.AgencyId,-12} {Path.Combine(agencyFolder, agency.AgencyId + ".html")}  ({agency.AgencyStatementId}; {app.BaseAddress}api/agency-statements/{agency.AgencyStatementId})");
        }

        output.WriteLine($"Payout batch in {folder}{Path.DirectorySeparatorChar}: {string.Join(", ", batchFiles.Select(Path.GetFileName))} (the XML holds IBANs in clear: hand it to the bank only)");
        var first = statements.First();
        output.WriteLine($"Served by the DevHost while it runs: {app.BaseAddress}api/statements/{first.Value} (header {FunctionKeys.HeaderName}: {app.Keys.MasterKey}; Accept: text/html | text/csv | application/pdf | application/json)");
        if (webhookDocs is { } docs && docs.TryGetProperty("html", out var html))
        {
            output.WriteLine($"Blob documents, as linked in the webhook: {html.GetString()}");
        }

        output.WriteLine($"Done in {_watch.Elapsed.TotalSeconds:0.0} s. {(exit == 0 ? "Every statement matches the demo's expectations." : "SOME STATEMENTS DO NOT MATCH: see above.")}");
        Result = new DemoResult(period, expectations, actuals, files, deliveries.Count, agencies) { PayoutBatchFiles = batchFiles };
        if (demo.KeepServing)
        {
            output.WriteLine($"Still serving on {app.BaseAddress} (function key {app.Keys.FunctionKey}, master key {app.Keys.MasterKey}); Ctrl+C stops it and Azurite.");
            await app.WaitForShutdownAsync(ct);
        }

        return exit;
    }

    private static Dictionary<string, string?> DemoSettings(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            [$"Payouts:Partners:{DemoScenario.GiftPartner}:Secrets:0"] = "demo-tiklive-partner-secret-not-for-production",
            [$"Payouts:Partners:{DemoScenario.DealPartner}:Secrets:0"] = "demo-brandhub-partner-secret-not-for-production",
            ["Payouts:Webhooks:nova:Secrets:0"] = "demo-nova-webhook-secret-not-for-production",
            ["Payouts:Webhooks:stellar:Secrets:0"] = "demo-stellar-webhook-secret-not-for-production",
        };
        return all;
    }

    private async Task<DemoApi.IngestCounts> SendDaysAsync(DemoScenario scenario, PeriodCalendar calendar, DemoClock clock, DemoApi api, QueueServiceClient queues, DevHostApp app, CancellationToken ct)
    {
        var giftSecret = Secrets(app, $"Payouts:Partners:{DemoScenario.GiftPartner}:Secrets")[0];
        var dealSecret = Secrets(app, $"Payouts:Partners:{DemoScenario.DealPartner}:Secrets")[0];
        var days = scenario.Records.GroupBy(r => calendar.LocalDateOf(r.At)).OrderBy(g => g.Key).ToList();
        var progress = new ProgressLine(output, "records", days.Count, _interactive);
        var counts = default(DemoApi.IngestCounts);
        var sent = 0;
        var queued = 0;
        var resent = false;
        var base64Sent = false;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            clock.Set(calendar.Zone.AtStartOfDay(day.Key.PlusDays(1)).ToDateTimeOffset() + TimeSpan.FromMinutes(5));
            foreach (var (isDeal, viaQueue) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                var batch = day.Where(r => r.IsDeal == isDeal && r.ViaQueue == viaQueue).Select(r => r.Json).ToList();
                if (batch.Count == 0)
                {
                    continue;
                }

                var partner = isDeal ? DemoScenario.DealPartner : DemoScenario.GiftPartner;
                if (viaQueue)
                {
                    // Plain JSON as today's SDKs send it; one day base64-encoded, as older senders do: the app takes both.
                    var base64 = !base64Sent && !isDeal;
                    base64Sent |= base64;
                    await SendQueueAsync(queues, isDeal ? QueueNames.DealsInbound : QueueNames.GiftsInbound, partner, batch, base64, ct);
                    queued += batch.Count;
                    continue;
                }

                foreach (var chunk in batch.Chunk(500))
                {
                    counts += await api.PostRecordsAsync(isDeal ? "deals" : "gifts", partner, isDeal ? dealSecret : giftSecret, chunk, ct);
                    if (!resent && !isDeal)
                    {
                        // A partner retrying after a timeout: the same batch again is all duplicates.
                        counts += await api.PostRecordsAsync("gifts", partner, giftSecret, chunk, ct);
                        resent = true;
                    }
                }
            }

            sent += day.Count();
            progress.Report(i + 1, $"{day.Key:MMM dd}  {sent - queued} over HTTP, {queued} queued");
        }

        progress.Done($"{sent - queued} records over HTTP, {queued} through gifts-inbound/deals-inbound");
        return counts;
    }

    private static async Task SendQueueAsync(QueueServiceClient queues, string queue, string partnerId, IReadOnlyList<JsonObject> records, bool base64, CancellationToken ct)
    {
        var client = queues.GetQueueClient(queue);
        foreach (var chunk in records.Chunk(100))
        {
            var text = DemoApi.Envelope(partnerId, chunk);
            await client.SendMessageAsync(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text, ct);
        }
    }

    private async Task WaitForStoredAsync(DemoApi api, PeriodKey period, int expected, CancellationToken ct)
    {
        var progress = new ProgressLine(output, "stored", expected, _interactive);
        await PollAsync(async () =>
        {
            var stored = (await api.AdminAsync(HttpMethod.Get, $"periods/{period}", null, ct)).GetProperty("records").GetProperty("stored").GetInt64();
            progress.Report((int)stored, "records stored (queues drained)");
            return stored >= expected;
        }, $"{expected} records stored for {period}", ct);
        progress.Done($"{expected} records stored for {period}, as sent (the invalid one excluded)");
    }

    private async Task<Dictionary<string, string>> WaitForStatementsAsync(DemoApi api, PeriodKey period, List<string> creators, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var progress = new ProgressLine(output, "statements", creators.Count, _interactive);
        await PollAsync(async () =>
        {
            foreach (var creatorId in creators.Where(c => !found.ContainsKey(c)))
            {
                var list = await api.AdminAsync(HttpMethod.Get, $"creators/{creatorId}/statements", null, ct);
                foreach (var s in list.GetProperty("statements").EnumerateArray())
                {
                    if (s.GetProperty("period").GetString() == period.ToString() && s.GetProperty("status").GetString() is not ("Blocked" or "blocked" or null))
                    {
                        found[creatorId] = s.GetProperty("statementId").GetString()!;
                    }
                }
            }

            progress.Report(found.Count, "statements issued");
            return found.Count == creators.Count;
        }, $"statements of {period} for {string.Join(", ", creators)}", ct);
        progress.Done($"{found.Count} statements issued");
        return creators.ToDictionary(c => c, c => found[c], StringComparer.Ordinal);
    }

    private static List<string> AgenciesOf(DemoScenario scenario) =>
        [.. scenario.Creators.Select(c => c.AgencyId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Each agency's latest statement of the period (GET /api/agencies/{agencyId}/statements), waited for.</summary>
    private static async Task<Dictionary<string, string>> AgencyStatementsAsync(DemoApi api, PeriodKey period, List<string> agencies, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await PollAsync(async () =>
        {
            foreach (var agencyId in agencies.Where(a => !found.ContainsKey(a)))
            {
                var list = await api.AdminAsync(HttpMethod.Get, $"agencies/{agencyId}/statements", null, ct);
                var latest = list.GetProperty("statements").EnumerateArray()
                    .Where(s => s.GetProperty("period").GetString() == period.ToString() && s.GetProperty("status").GetString() == "Issued")
                    .Select(s => s.GetProperty("agencyStatementId").GetString()!)
                    .LastOrDefault();
                if (latest is not null)
                {
                    found[agencyId] = latest;
                }
            }

            return found.Count == agencies.Count;
        }, $"agency statements of {period} for {string.Join(", ", agencies)}", ct);
        return agencies.ToDictionary(a => a, a => found[a], StringComparer.Ordinal);
    }

    private async Task WaitForWebhooksAsync(DevHostApp app, WebhookReceiver receiver, int expected, CancellationToken ct)
    {
        var progress = new ProgressLine(output, "webhooks", expected, _interactive);
        await PollAsync(async () =>
        {
            await app.FireTimerAsync("DispatchWebhooksTimer", ct);
            progress.Report(receiver.Deliveries.Count, "delivered");
            return receiver.Deliveries.Count >= expected;
        }, $"{expected} webhook deliveries", ct);
        progress.Done($"{receiver.Deliveries.Count} delivered");
    }

    private static async Task PollAsync(Func<Task<bool>> done, string what, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StepTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!await done())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Timed out after {StepTimeout} waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    private int PrintSummary(DemoScenario scenario, IReadOnlyList<DemoExpectation> expectations, List<StatementFigures> actuals)
    {
        output.WriteLine();
        output.WriteLine($"Statements for {scenario.Period} (issued by the pipeline; ✓ = equal to the demo's own arithmetic)");
        var header = $"{"creator",-10} {"cur",-3} {"coins",9} {"gifts",10} {"deals",10} {"bonuses",9} {"agency",10} {"net",10} {"payable",10} {"carried",9}  {"status",-14}   note";
        output.WriteLine(header);
        output.WriteLine(new string('─', header.Length + 12));
        var mismatches = 0;
        foreach (var creator in scenario.Creators)
        {
            var expected = expectations.First(e => e.CreatorId == creator.CreatorId);
            var actual = actuals.FirstOrDefault(a => a.CreatorId == creator.CreatorId);
            if (actual is null)
            {
                output.WriteLine($"{creator.CreatorId,-10} no statement ✗");
                mismatches++;
                continue;
            }

            var ok = actual.Matches(expected);
            mismatches += ok ? 0 : 1;
            output.WriteLine($"{creator.CreatorId,-10} {actual.Currency,-3} {actual.Coins,9:N0} {M(actual.Gifts),10} {M(actual.Deals),10} {M(actual.Bonuses),9} {M(actual.AgencyCommission),10} {M(actual.Net),10} {M(actual.Payable),10} {M(actual.CarriedForward),9}  {actual.Status,-14} {(ok ? "✓" : "✗")} {creator.Note}");
            if (!ok)
            {
                output.WriteLine($"{"  expected",-14} {expected.Coins,9:N0} {M(expected.Gifts),10} {M(expected.Deals),10} {M(expected.Bonuses),9} {M(expected.AgencyCommission),10} {M(expected.Net),10} {M(expected.Payable),10} {M(expected.CarriedForward),9}  {expected.Status,-14}");
            }
        }

        foreach (var currency in actuals.GroupBy(a => a.Currency).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{"total",-10} {currency.Key,-3} {currency.Sum(a => a.Coins),9:N0} {M(currency.Sum(a => a.Gifts)),10} {M(currency.Sum(a => a.Deals)),10} {M(currency.Sum(a => a.Bonuses)),9} {M(currency.Sum(a => a.AgencyCommission)),10} {M(currency.Sum(a => a.Net)),10} {M(currency.Sum(a => a.Payable)),10} {M(currency.Sum(a => a.CarriedForward)),9}");
        }

        return mismatches == 0 && actuals.Count == scenario.Creators.Count ? 0 : 1;
    }

    /// <summary>What each agency earns, checked against its creators' statements: minus the sum of their commission, per currency.</summary>
    private int PrintAgencies(DemoScenario scenario, List<AgencyFigures> agencies, List<StatementFigures> actuals)
    {
        output.WriteLine();
        output.WriteLine($"Agency statements for {scenario.Period} (commission each agency earns; ✓ = minus the sum of its creators' statements' agency commission)");
        var header = $"{"agency",-10} {"cur",-3} {"creators",8} {"gifts",10} {"deals",10} {"bonuses",9} {"prior adj",10} {"total",10}   not paid this period";
        output.WriteLine(header);
        output.WriteLine(new string('─', header.Length + 12));
        var mismatches = 0;
        foreach (var agency in agencies)
        {
            var creators = scenario.Creators.Where(c => c.AgencyId == agency.AgencyId).Select(c => c.CreatorId).ToHashSet(StringComparer.Ordinal);
            var unpaid = string.Join(", ", agency.Unpaid.Select(u => $"{u.CreatorId} ({u.Status})"));
            foreach (var total in agency.Totals)
            {
                var expected = -actuals.Where(a => creators.Contains(a.CreatorId) && a.Currency == total.Currency).Sum(a => a.AgencyCommission);
                var ok = expected == total.Total;
                mismatches += ok ? 0 : 1;
                output.WriteLine($"{agency.AgencyId,-10} {total.Currency,-3} {total.Creators,8} {M(total.Gifts),10} {M(total.Deals),10} {M(total.Bonuses),9} {M(total.PriorPeriodAdjustments),10} {M(total.Total),10} {(ok ? "✓" : $"✗ expected {M(expected)}")} {unpaid}");
                unpaid = string.Empty;
            }
        }

        return mismatches == 0 && agencies.Count == scenario.Creators.Select(c => c.AgencyId).OfType<string>().Distinct().Count() ? 0 : 1;
    }

    private void Step(string text) => output.WriteLine($"[{_watch.Elapsed.TotalSeconds,5:0.0}s] ▸ {text}");

    private void Info(string text) => output.WriteLine($"          {text}");

    private static string M(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Dec(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Now(TimeProvider clock, PeriodCalendar calendar) =>
        Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(calendar.Zone).ToString("uuuu-MM-dd HH:mm x", CultureInfo.InvariantCulture);

    private static string Local(string instant, PeriodCalendar calendar) =>
        NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value.InZone(calendar.Zone).ToString("uuuu-MM-dd HH:mm x", CultureInfo.InvariantCulture);

    private static List<string> Secrets(DevHostApp app, string section) =>
        [.. app.Configuration.GetSection(section).GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0)];
}
