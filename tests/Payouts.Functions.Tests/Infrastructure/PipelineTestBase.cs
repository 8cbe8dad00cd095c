using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Functions.Admin;
using Payouts.Functions.Periods;
using Payouts.Functions.Statements;
using Payouts.Storage.Settlement;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>
/// Drives the statement pipeline through the real function classes: admin HTTP functions for reference data, the
/// close timer, the statement-jobs queue function (fed the way the host feeds it) and the webhook timer.
/// </summary>
public abstract class PipelineTestBase(PayoutsAppFixture app) : AppTestBase(app)
{
    /// <summary>The rates of DOMAIN.md §5 (region FR), effective all of 2025 and 2026. Rates are global and never rewritten.</summary>
    protected async Task PutWorldRatesAsync()
    {
        await PutRateAsync("diamondsPerCoin", "FR", "0.5", "dpc-fr-2025");
        await PutRateAsync("usdPerDiamond", "FR", "0.005", "upd-fr-2025");
        await PutRateAsync("usdPerCoinReference", string.Empty, "0.0105", "upc-2025");
        await PutRateAsync("fx", "USD/EUR", "0.92", "fx-usd-eur-2025");
    }

    protected async Task PutRateAsync(string kind, string key, string value, string versionId, string from = "2025-01-01")
    {
        var body = new JsonObject { ["kind"] = kind, ["key"] = key, ["from"] = from, ["value"] = value, ["versionId"] = versionId };
        var response = await AdminAsync<PutRateHttp>(body.ToJsonString(), (f, r) => f.Run(r, CancellationToken.None));
        Assert.Equal(200, response.Status);
    }

    /// <summary>A rate that applies inside an issued period: stored only forced, with the reason.</summary>
    protected async Task PutRateForcedAsync(string kind, string key, string value, string versionId, string from, string reason)
    {
        var body = new JsonObject { ["kind"] = kind, ["key"] = key, ["from"] = from, ["value"] = value, ["versionId"] = versionId, ["reason"] = reason };
        var response = await AdminAsync<PutRateHttp>(body.ToJsonString(), (f, r) => f.Run(r, CancellationToken.None), query: "?force=true");
        Assert.Equal(200, response.Status);
    }

    /// <summary>lea's contract of DOMAIN.md §5: agency nova 20/15/10 %, EUR, minimum payout 50.00.</summary>
    protected async Task PutCreatorAsync(
        string creatorId, string region = "FR", string agencyId = PayoutsAppFixture.Agency, string minimumPayout = "50.00", string effectiveFrom = "2025-01-01", string commissionDeals = "0.15", string? displayName = null)
    {
        var response = await PutCreatorBodyAsync(creatorId, CreatorBody(region, agencyId, minimumPayout, displayName, effectiveFrom, commissionDeals));
        Assert.Equal(200, response.Status);
    }

    protected static JsonObject CreatorBody(
        string region = "FR", string agencyId = PayoutsAppFixture.Agency, string minimumPayout = "50.00", string? displayName = null, string effectiveFrom = "2025-01-01", string commissionDeals = "0.15")
    {
        var body = new JsonObject
        {
            ["effectiveFrom"] = effectiveFrom, ["region"] = region, ["payoutCurrency"] = "EUR", ["agencyId"] = agencyId,
            ["commissionGifts"] = "0.20", ["commissionDeals"] = commissionDeals, ["commissionBonuses"] = "0.10", ["minimumPayout"] = minimumPayout,
        };
        if (displayName is not null)
        {
            body["displayName"] = displayName;
        }

        return body;
    }

    protected Task<HttpCall.Response> PutCreatorBodyAsync(string creatorId, JsonObject body) =>
        AdminAsync<PutCreatorHttp>(body.ToJsonString(), (f, r) => f.Run(r, creatorId, CancellationToken.None));

    protected async Task PutAgencyAsync(Uri? webhookUrl, string agencyId = PayoutsAppFixture.Agency)
    {
        var body = new JsonObject { ["name"] = "Nova Talent", ["webhookUrl"] = webhookUrl?.ToString() };
        var response = await AdminAsync<PutAgencyHttp>(body.ToJsonString(), (f, r) => f.Run(r, agencyId, CancellationToken.None));
        Assert.Equal(200, response.Status);
    }

    protected void SetClock(string isoInstant) => App.Time.AdjustTime(DateTimeOffset.Parse(isoInstant, System.Globalization.CultureInfo.InvariantCulture));

    protected Task RunCloseTimerAsync() => Function<ClosePeriodsTimer>().Run(new TimerInfo(), CancellationToken.None);

    protected Task RunWebhookTimerAsync() => Function<DispatchWebhooksTimer>().Run(new TimerInfo(), CancellationToken.None);

    protected Task<HttpCall.Response> ClosePeriodAsync(string period, bool force = false) =>
        AdminAsync<ClosePeriodHttp>(string.Empty, (f, r) => f.Run(r, period, CancellationToken.None), query: force ? "?force=true" : string.Empty);

    protected Task<HttpCall.Response> GetPeriodAsync(string period) =>
        GetAsync<GetPeriodHttp>((f, r) => f.Run(r, period, CancellationToken.None));

    protected Task<HttpCall.Response> GetStatementAsync(string statementId, string? accept = null, string? ifNoneMatch = null) =>
        GetAsync<GetStatementHttp>(
            (f, r) =>
            {
                if (ifNoneMatch is not null)
                {
                    r.Headers.IfNoneMatch = ifNoneMatch;
                }

                return f.Run(r, statementId, CancellationToken.None);
            },
            accept);

    /// <summary><c>GET /api/creators/{creatorId}/statements</c>; <paramref name="query"/> like "?pageSize=2".</summary>
    protected Task<HttpCall.Response> ListStatementsAsync(string creatorId, string query = "") =>
        GetAsync<ListCreatorStatementsHttp>((f, r) => f.Run(r, creatorId, CancellationToken.None), query: query);

    protected Task<HttpCall.Response> GetAgencyStatementAsync(string agencyStatementId, string? accept = null) =>
        GetAsync<GetAgencyStatementHttp>((f, r) => f.Run(r, agencyStatementId, CancellationToken.None), accept);

    protected Task<HttpCall.Response> ListAgencyStatementsAsync(string agencyId) =>
        GetAsync<ListAgencyStatementsHttp>((f, r) => f.Run(r, agencyId, CancellationToken.None));

    protected Task<HttpCall.Response> ReissueAsync(string statementId, string reason) =>
        PostAdminAsync<ReissueStatementHttp>(new JsonObject { ["reason"] = reason }.ToJsonString(), (f, r) => f.Run(r, statementId, CancellationToken.None));

    protected Task<HttpCall.Response> PreviewAsync(string creatorId, string period, string? accept = null) =>
        GetAsync<PreviewStatementHttp>((f, r) => f.Run(r, creatorId, CancellationToken.None), accept, $"?period={period}");

    /// <summary>
    /// Feeds statement-jobs to the queue function until the queue is empty, as the host would: a failed message stays
    /// and comes back. Returns how many invocations failed (a busy creator makes its job retry).
    /// </summary>
    protected async Task<int> DrainStatementJobsAsync(int parallel = 1)
    {
        var queue = new QueueClient(App.ConnectionString, QueueNames.StatementJobs);
        var failures = 0;
        for (var round = 0; round < 50; round++)
        {
            QueueMessage[] messages = await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromSeconds(1));
            if (messages.Length == 0)
            {
                var properties = await queue.GetPropertiesAsync();
                if (properties.Value.ApproximateMessagesCount == 0)
                {
                    return failures;
                }

                await Task.Delay(300);
                continue;
            }

            foreach (var message in messages)
            {
                var invocations = Enumerable.Range(0, parallel).Select(_ => Function<BuildStatementsQueue>().Run(message, CancellationToken.None));
                try
                {
                    await Task.WhenAll(invocations);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    // As the host does: the message stays and is delivered again once its visibility times out.
                    Interlocked.Increment(ref failures);
                }
            }
        }

        throw new TimeoutException("statement-jobs did not drain.");
    }

    /// <summary>The stored header row as written (tests look at columns and the ETag; the app reads it typed).</summary>
    /// <summary>Runs one statement-jobs message through the queue function, as the host would deliver it.</summary>
    protected Task RunJobAsync(string period, params string[] creatorIds)
    {
        var body = new Payouts.Application.Periods.StatementJob(PeriodKey.Parse(period), creatorIds).ToJson();
        var message = QueuesModelFactory.QueueMessage("job-" + Guid.NewGuid().ToString("N"), "pop", body, dequeueCount: 1);
        return Function<BuildStatementsQueue>().Run(message, CancellationToken.None);
    }

    /// <summary>Messages waiting (visible or not) on a queue, read without consuming them.</summary>
    protected async Task<int> QueueDepthAsync(string queueName) =>
        (await new QueueClient(App.ConnectionString, queueName).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    protected async Task<TableEntity?> HeaderAsync(string creatorId, string period)
    {
        var row = await App.Tables.GetTableClient(TableNames.Statements).GetEntityIfExistsAsync<TableEntity>(creatorId, $"{period}|v001");
        return row.HasValue ? row.Value : null;
    }

    /// <summary>How many rows of the creator's record partition of <paramref name="period"/> its statements have counted.</summary>
    protected async Task<long> SettledAsync(string creatorId, RecordKind kind, string period) =>
        (await App.Services.GetRequiredService<SettlementLedger>().GetAsync(creatorId, kind, PeriodKey.Parse(period), CancellationToken.None))?.SettledSeq ?? 0;

    /// <summary>The line rows of a creator's issued statement (those of the build attempt its header names).</summary>
    protected async Task<List<TableEntity>> StatementLinesAsync(string creatorId, string period)
    {
        var buildId = (await TypedHeaderAsync(creatorId, period))!.BuildId;
        var prefix = $"{period}|v001|b{buildId}|L";
        return (await RowsAsync(TableNames.Statements, creatorId)).Where(r => r.RowKey.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    protected async Task<StatementHeader?> TypedHeaderAsync(string creatorId, string period, int version = 1) =>
        await App.Services.GetRequiredService<StatementStore>().GetHeaderAsync(new StatementId(creatorId, PeriodKey.Parse(period), version), CancellationToken.None);

    /// <summary>Every payout-statements message about <paramref name="creatorId"/>, read without consuming the others.</summary>
    protected async Task<List<System.Text.Json.JsonElement>> PayoutMessagesAsync(string creatorId)
    {
        var queue = new QueueClient(App.ConnectionString, QueueNames.PayoutStatements);
        var found = new List<System.Text.Json.JsonElement>();
        var all = new List<QueueMessage>();
        while (true)
        {
            QueueMessage[] batch = await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromSeconds(30));
            if (batch.Length == 0)
            {
                break;
            }

            all.AddRange(batch);
        }

        foreach (var message in all)
        {
            var json = Payloads.Parse(message.Body.ToString());
            if (json.GetProperty("creatorId").GetString() == creatorId)
            {
                found.Add(json);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
        }

        return found;
    }

    protected T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(App.Services);

    /// <summary>Every pending delivery, page by page through <c>GET /api/outbox</c> (the shared storage holds every test's).</summary>
    protected async Task<List<System.Text.Json.JsonElement>> OutboxAsync()
    {
        var deliveries = new List<System.Text.Json.JsonElement>();
        var query = "?pageSize=100";
        while (true)
        {
            var page = await GetAsync<ListOutboxHttp>((f, r) => f.Run(r, CancellationToken.None), query: query);
            deliveries.AddRange(page.Body.GetProperty("deliveries").EnumerateArray());
            if (!page.Body.TryGetProperty("continuationToken", out var token))
            {
                return deliveries;
            }

            query = $"?pageSize=100&continuationToken={token.GetString()}";
        }
    }

    /// <summary>Any admin function, called with a JSON body as the host would.</summary>
    protected Task<HttpCall.Response> PostAdminAsync<T>(string body, Func<T, Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> run)
        where T : class => AdminAsync(body, run);

    protected async Task<HttpCall.Response> AdminAsync<T>(string body, Func<T, Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> run, string query = "")
        where T : class
    {
        var request = HttpCall.Request(body, secret: null, Now);
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query.Length == 0 ? null : query);
        return await HttpCall.ExecuteAsync<T>(request, await run(Function<T>(), request));
    }

    protected async Task<HttpCall.Response> GetAsync<T>(Func<T, Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> run, string? accept = null, string query = "")
        where T : class
    {
        var request = HttpCall.Get(accept, query);
        return await HttpCall.ExecuteAsync<T>(request, await run(Function<T>(), request));
    }
}
