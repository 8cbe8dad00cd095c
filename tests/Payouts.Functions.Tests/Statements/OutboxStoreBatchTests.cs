using Microsoft.Extensions.DependencyInjection;
using Payouts.Application.Outbox;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Outbox;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// The outbox's many-row operations against Azurite: one transaction when every row's condition holds, and row by
/// row when one does not, so what exists stays, what another dispatcher took stays its, and every other row goes on.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class OutboxStoreBatchTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    private OutboxStore Store => App.Services.GetRequiredService<OutboxStore>();

    [Fact]
    public async Task Add_WritesNewRowsWithTheirVersions_LeavesExistingAndDeliveredOnes_AndNeverReaddsADeliveredOne()
    {
        var (a, b, c) = (Delivery("a"), Delivery("b"), Delivery("c"));
        var first = await Store.AddAsync([a, b], Now, CancellationToken.None);
        Assert.All(first, d => Assert.NotEqual(string.Empty, d.Version));
        var claimed = await Store.TryClaimAsync([first[1]], _ => Now, CancellationToken.None);
        await Store.MarkDeliveredAsync([(Assert.Single(claimed), 204)], Now, CancellationToken.None);

        var again = await Store.AddAsync([a, b, c], Now, CancellationToken.None);

        Assert.Equal([string.Empty, string.Empty], again.Take(2).Select(d => d.Version));
        Assert.NotEqual(string.Empty, again[2].Version);
        Assert.Equal([a.DeliveryId, c.DeliveryId], await PendingIdsAsync(a, b, c));
        Assert.Equal(0, (await Store.GetPendingAsync(a.DeliveryId, CancellationToken.None))!.Attempts);
    }

    [Fact]
    public async Task Claim_OfABatchWhereAnotherDispatcherTookOneRow_TakesEveryOtherRow_AndNotThatOne()
    {
        var added = await Store.AddAsync([Delivery("a"), Delivery("b"), Delivery("c")], Now, CancellationToken.None);
        var other = Assert.Single(await Store.TryClaimAsync([added[1]], _ => Now.Plus(NodaTime.Duration.FromMinutes(1)), CancellationToken.None));

        var mine = await Store.TryClaimAsync(added, _ => Now.Plus(NodaTime.Duration.FromMinutes(2)), CancellationToken.None);

        Assert.Equal([added[0].DeliveryId, added[2].DeliveryId], mine.Select(d => d.DeliveryId));
        Assert.All(mine, d => Assert.Equal(1, d.Attempts));
        var stolen = (await Store.GetPendingAsync(other.DeliveryId, CancellationToken.None))!;
        Assert.Equal(other.Version, stolen.Version);
        Assert.Equal(Now.Plus(NodaTime.Duration.FromMinutes(1)), stolen.NextAttemptAt);

        // Each claimed handle is what the row now holds: a second claim by an older handle fails, by the new one holds.
        Assert.Empty(await Store.TryClaimAsync([added[0]], _ => Now, CancellationToken.None));
        Assert.Single(await Store.TryClaimAsync([mine[0]], _ => Now, CancellationToken.None));
    }

    [Fact]
    public async Task MarkDelivered_AndRecordFailure_OverABatch_ToleratesRowsAlreadyMovedOrTaken()
    {
        var added = await Store.AddAsync([Delivery("a"), Delivery("b"), Delivery("c")], Now, CancellationToken.None);
        var claimed = await Store.TryClaimAsync(added, _ => Now, CancellationToken.None);
        await Store.MarkDeliveredAsync([(claimed[0], 200)], Now, CancellationToken.None);

        // a moved already (by a dispatcher that finished first); b and c delivered now; then a failure recorded on a stale handle.
        await Store.MarkDeliveredAsync([(claimed[0], 200), (claimed[1], 202)], Now, CancellationToken.None);
        var retaken = Assert.Single(await Store.TryClaimAsync([claimed[2]], _ => Now, CancellationToken.None));
        await Store.RecordFailureAsync([(claimed[2], new DeliveryFailure(DeliveryErrorCategory.HttpStatus, 503))], CancellationToken.None);

        Assert.Equal([claimed[2].DeliveryId], await PendingIdsAsync(added[0], added[1], added[2]));
        Assert.Null((await Store.GetPendingAsync(retaken.DeliveryId, CancellationToken.None))!.LastFailure);
        var delivered = await RowsAsync(TableNames.Outbox, OutboxStore.Delivered);
        Assert.Equal(202, delivered.Single(r => r.RowKey == claimed[1].DeliveryId).GetInt32("LastStatus"));
        Assert.Equal(claimed[1].Body, delivered.Single(r => r.RowKey == claimed[1].DeliveryId).GetString("Body"));

        await Store.RecordFailureAsync([(retaken, new DeliveryFailure(DeliveryErrorCategory.HttpStatus, 503))], CancellationToken.None);
        Assert.Equal(new DeliveryFailure(DeliveryErrorCategory.HttpStatus, 503), (await Store.GetPendingAsync(retaken.DeliveryId, CancellationToken.None))!.LastFailure);
    }

    private static OutboxDelivery Delivery(string target)
    {
        var subject = Payloads.Unique("batch");
        return new OutboxDelivery(OutboxDelivery.IdOf("statement.issued", subject, target), OutboxChannel.Webhook, "statement.issued", subject, "no-such-agency", null, "{\"n\":1}");
    }

    private async Task<List<string>> PendingIdsAsync(params OutboxDelivery[] deliveries)
    {
        var pending = new List<string>();
        foreach (var delivery in deliveries)
        {
            if (await Store.GetPendingAsync(delivery.DeliveryId, CancellationToken.None) is not null)
            {
                pending.Add(delivery.DeliveryId);
            }
        }

        return pending;
    }
}
