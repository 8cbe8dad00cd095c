using Microsoft.Extensions.DependencyInjection;
using Payouts.Application.Outbox;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Outbox;

namespace Payouts.Functions.Tests.Statements;

/// <summary><c>GET /api/outbox</c> pages through every pending delivery once, in delivery-id order.</summary>
[Collection(StatementsCollection.Name)]
public sealed class OutboxPagingTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task ListOutbox_PagedByOne_GivesEveryPendingDeliveryOnce()
    {
        var subject = Payloads.Unique("outbox-paging");
        var store = App.Services.GetRequiredService<OutboxStore>();
        string[] ids = [OutboxDelivery.IdOf("statement.issued", subject, "a"), OutboxDelivery.IdOf("statement.issued", subject, "b")];
        foreach (var id in ids)
        {
            await store.AddAsync([new OutboxDelivery(id, OutboxChannel.Webhook, "statement.issued", subject, "no-such-agency", null, "{}")], Now, CancellationToken.None);
        }

        var seen = new List<string>();
        var query = "?pageSize=1";
        for (var pages = 0; query is not null; pages++)
        {
            Assert.True(pages < 10_000, "the outbox never ended");
            var page = await AdminAsync<ListOutboxHttp>(string.Empty, (f, r) => f.Run(r, CancellationToken.None), query);
            var deliveries = page.Body.GetProperty("deliveries").EnumerateArray().ToList();
            Assert.True(deliveries.Count <= 1);
            seen.AddRange(deliveries.Select(d => d.GetProperty("deliveryId").GetString()!));
            query = page.Body.TryGetProperty("continuationToken", out var token) ? $"?pageSize=1&continuationToken={token.GetString()}" : null;
        }

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.All(ids, id => Assert.Contains(id, seen));
    }

    [Fact]
    public async Task ListOutbox_Instants_AreRfc3339UtcKeepingTheirFraction()
    {
        var subject = Payloads.Unique("outbox-instant");
        var id = OutboxDelivery.IdOf("statement.issued", subject, "a");
        var at = NodaTime.Instant.FromUtc(2064, 1, 2, 3, 4, 5) + NodaTime.Duration.FromMilliseconds(250);
        await App.Services.GetRequiredService<OutboxStore>().AddAsync([new OutboxDelivery(id, OutboxChannel.Webhook, "statement.issued", subject, "no-such-agency", null, "{}")], at, CancellationToken.None);

        var listed = (await OutboxAsync()).Single(d => d.GetProperty("deliveryId").GetString() == id);

        Assert.Equal("2064-01-02T03:04:05.25Z", listed.GetProperty("createdAt").GetString());
        Assert.Equal("2064-01-02T03:04:05.25Z", listed.GetProperty("nextAttemptAt").GetString());
    }

    [Fact]
    public async Task ListOutbox_AStatementListsToken_IsA400()
    {
        var token = Payouts.Storage.Tables.PageToken.Encode("lea", "2026-11|v001");

        var response = await AdminAsync<ListOutboxHttp>(string.Empty, (f, r) => f.Run(r, CancellationToken.None), $"?continuationToken={token}");

        Assert.Equal(400, response.Status);
    }
}
