using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.DevHost.Hosting;
using Payouts.DevHost.Http;
using Payouts.DevHost.Tests.Infrastructure;
using Payouts.Domain.Signing;
using Payouts.Storage.Tables;

namespace Payouts.DevHost.Tests;

/// <summary>The DevHost over real HTTP and real queues: keys, signatures, storage, retries and the poison queue.</summary>
[Collection(DevHostCollection.Name)]
public sealed class DevHostSmokeTests(DevHostFixture host)
{
    [Fact]
    public async Task PostGifts_SignedWithFunctionKey_Returns200AndStoresTheRecord()
    {
        var creator = Unique("smoke");
        using var response = await PostGiftsAsync(creator, host.App.Keys.FunctionKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Single(await GiftRowsAsync(creator));
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(null)]
    public async Task PostGifts_WithoutTheFunctionKey_Returns401AndStoresNothing(string? key)
    {
        var creator = Unique("nokey");
        using var response = await PostGiftsAsync(creator, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await GiftRowsAsync(creator));
    }

    [Fact]
    public async Task PostGifts_WithTheKeyAsCodeQuery_IsAccepted()
    {
        using var response = await PostGiftsAsync(Unique("code"), key: null, query: "?code=" + host.App.Keys.FunctionKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminRoute_NeedsTheMasterKey()
    {
        using var withFunctionKey = await GetAsync("api/outbox", host.App.Keys.FunctionKey);
        using var withMasterKey = await GetAsync("api/outbox", host.App.Keys.MasterKey);

        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withMasterKey.StatusCode);
    }

    [Theory]
    [InlineData("devhost-master-key")]
    [InlineData("devhost-function-key")]
    public async Task AdminRoute_TheFormerWellKnownDefaultKeys_Are401(string formerDefault)
    {
        using var response = await GetAsync("api/outbox", formerDefault);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void StartupBanner_PrintsThisRunsRandomKeys()
    {
        var output = new StringWriter();

        StartupBanner.Write(output, host.App, new DevHostOptions());

        var text = output.ToString();
        Assert.Contains(host.App.Keys.FunctionKey, text, StringComparison.Ordinal);
        Assert.Contains(host.App.Keys.MasterKey, text, StringComparison.Ordinal);
        Assert.Contains("random keys for this run", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WithoutAKey_IsTerse()
    {
        using var response = await host.Http.GetAsync(new Uri("api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["status", "warnings"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task HealthDetails_NeedsTheMasterKey()
    {
        using var anonymous = await host.Http.GetAsync(new Uri("api/health/details", UriKind.Relative));
        using var withFunctionKey = await GetAsync("api/health/details", host.App.Keys.FunctionKey);
        using var withMasterKey = await GetAsync("api/health/details", host.App.Keys.MasterKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withMasterKey.StatusCode);
        var checks = JsonDocument.Parse(await withMasterKey.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task RouteParameters_AreBoundByName()
    {
        using var response = await GetAsync("api/periods/not-a-period", host.App.Keys.MasterKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not-a-period", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GiftsInbound_PlainAndBase64Messages_AreStored()
    {
        var creator = Unique("queue");
        var queue = host.App.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.GiftsInbound);
        var first = Envelope(creator, "q-1");
        await queue.SendMessageAsync(first);
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(Envelope(creator, "q-2"))));

        await Eventually(async () => (await GiftRowsAsync(creator)).Count == 2, "both queued gifts stored");
    }

    [Fact]
    public async Task FailingMessage_IsRetriedThenMovedToPoisonWithItsBody()
    {
        var queues = host.App.Services.GetRequiredService<QueueServiceClient>();
        var body = "not a statement job " + Guid.NewGuid();
        await queues.GetQueueClient(QueueNames.StatementJobs).SendMessageAsync(body);
        var poison = queues.GetQueueClient(QueueNames.PoisonOf(QueueNames.StatementJobs));

        await Eventually(async () => (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == body), "the job in statement-jobs-poison");
    }

    private async Task<HttpResponseMessage> PostGiftsAsync(string creator, string? key, string query = "")
    {
        var body = Encoding.UTF8.GetBytes(Envelope(creator, "r-1"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/gifts" + query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(PayloadSignature.HeaderName, PayloadSignature.Create(body, DevHostFixture.PartnerSecret, Now));
        if (key is not null)
        {
            request.Headers.Add(FunctionKeys.HeaderName, key);
        }

        return await host.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(FunctionKeys.HeaderName, key);
        return await host.Http.SendAsync(request);
    }

    private static Instant Now => Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());

    private static string Envelope(string creator, string recordId) => JsonSerializer.Serialize(new
    {
        partnerId = DevHostFixture.Partner,
        records = new[]
        {
            new
            {
                recordId = $"{creator}.{recordId}",
                creatorId = creator,
                giftId = "rose",
                coinsPerGift = 1,
                quantity = 5,
                occurredAt = (Now - Duration.FromHours(1)).ToString(),
                kind = "gift",
            },
        },
    });

    private async Task<List<TableEntity>> GiftRowsAsync(string creator)
    {
        var table = host.App.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Gifts);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {creator + "|"} and PartitionKey lt {creator + "|~"} and RowKey ne {"!seq"}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
