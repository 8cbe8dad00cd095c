using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.DevHost.Http;
using Payouts.DevHost.Tests.Infrastructure;
using Payouts.Domain.Signing;
using Payouts.Storage.Tables;

namespace Payouts.DevHost.Tests;

/// <summary>
/// DNS rebinding: a page whose name resolves to 127.0.0.1 reaches the DevHost with its own name in Host. Real requests
/// to the running host with such Host headers get 400 and run nothing; loopback names and allowed ones are served.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class HostFilteringTests(DevHostFixture host)
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:7071")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task ForgedHost_SignedIngestWithTheKey_Is400AndStoresNothing(string forgedHost)
    {
        var creator = $"rebind-{Guid.NewGuid():N}"[..20];
        using var request = SignedGifts(creator);
        request.Headers.Host = forgedHost;

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await GiftRowsAsync(creator));
    }

    [Fact]
    public async Task ForgedHost_AdminRouteWithTheMasterKey_Is400()
    {
        using var response = await GetOutboxAsync("evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:1234")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("[::1]:7071")]
    [InlineData(DevHostFixture.AllowedHost)]
    public async Task LoopbackOrAllowedHost_IsServed(string hostHeader)
    {
        using var response = await GetOutboxAsync(hostHeader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetOutboxAsync(string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/outbox");
        request.Headers.Host = hostHeader;
        request.Headers.Add(FunctionKeys.HeaderName, host.App.Keys.MasterKey);
        return await host.Http.SendAsync(request);
    }

    private HttpRequestMessage SignedGifts(string creator)
    {
        var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            partnerId = DevHostFixture.Partner,
            records = new[] { new { recordId = creator + ".r-1", creatorId = creator, giftId = "rose", coinsPerGift = 1, quantity = 5, occurredAt = (now - Duration.FromHours(1)).ToString(), kind = "gift" } },
        }));
        var request = new HttpRequestMessage(HttpMethod.Post, "api/gifts") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(FunctionKeys.HeaderName, host.App.Keys.FunctionKey);
        request.Headers.Add(PayloadSignature.HeaderName, PayloadSignature.Create(body, DevHostFixture.PartnerSecret, now));
        return request;
    }

    private async Task<List<TableEntity>> GiftRowsAsync(string creator)
    {
        var table = host.App.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Gifts);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {creator + "|"} and PartitionKey lt {creator + "|~"}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
