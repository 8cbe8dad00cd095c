using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>
/// A refund names a gift of the same partner and creator, is not dated before it, and never takes back more than the
/// gift's quantity; a refused refund is a field error (its id stays free), over HTTP and through the queue.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RefundRulesTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task RefundOfAnotherCreatorsGift_IsRejectedOnOriginalRecordId()
    {
        var lea = Payloads.Unique("rlea");
        var max = Payloads.Unique("rmax");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", lea, 10, 2, "2026-11-10T20:00:00Z")));

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", max, Payloads.RecordId(lea, "g"), 1, "2026-11-11T20:00:00Z")));

        Assert.Equal(["rejected"], response.Statuses);
        Assert.Contains("another creator", ErrorsOf(response, "originalRecordId"), StringComparison.Ordinal);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, max));
    }

    [Fact]
    public async Task RefundDatedBeforeItsGift_IsRejectedOnOccurredAt()
    {
        var creator = Payloads.Unique("rdate");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 2, "2026-11-10T20:00:00Z")));

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", creator, Payloads.RecordId(creator, "g"), 1, "2026-11-09T20:00:00Z")));

        Assert.Equal(["rejected"], response.Statuses);
        Assert.Contains("before the gift", ErrorsOf(response, "occurredAt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refunds_NeverTakeBackMoreThanTheGiftsQuantity_AndAResendReservesNothingTwice()
    {
        var creator = Payloads.Unique("rqty");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 3, "2026-11-10T20:00:00Z")));
        var first = Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r1", creator, gift, 2, "2026-11-11T20:00:00Z"));

        Assert.Equal(["accepted"], (await PostGiftsAsync(first)).Statuses);
        Assert.Equal(["duplicate"], (await PostGiftsAsync(first)).Statuses);
        var tooMany = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r2", creator, gift, 2, "2026-11-12T20:00:00Z")));
        Assert.Equal(["rejected"], tooMany.Statuses);
        Assert.Contains("would refund 4 of the gift's 3", ErrorsOf(tooMany, "quantity"), StringComparison.Ordinal);
        Assert.Equal(["accepted"], (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r3", creator, gift, 1, "2026-11-12T20:00:00Z")))).Statuses);

        Assert.Equal(3, (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Count);
    }

    [Fact]
    public async Task ConcurrentRefunds_OfTheLastUnits_OnlyOneIsAccepted()
    {
        var creator = Payloads.Unique("rrace");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 1, "2026-11-10T20:00:00Z")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund($"r{i}", creator, gift, 1, "2026-11-11T20:00:00Z")))));

        Assert.Equal(1, responses.Count(r => r.Statuses.Single() == "accepted"));
        Assert.Equal(3, responses.Count(r => r.Statuses.Single() == "rejected"));
    }

    [Fact]
    public async Task RefundBeforeItsGift_WaitsAside_AndIsStoredWhenTheGiftArrives()
    {
        var creator = Payloads.Unique("rwait");
        var refund = Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", creator, Payloads.RecordId(creator, "g"), 1, "2026-11-11T20:00:00Z"));

        Assert.Equal(["accepted"], (await PostGiftsAsync(refund)).Statuses);
        Assert.Equal(["duplicate"], (await PostGiftsAsync(refund)).Statuses);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Contains(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey.StartsWith(creator + "|waiting|", StringComparison.Ordinal));

        Assert.Equal(["accepted"], (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 1, "2026-11-10T20:00:00Z")))).Statuses);

        var rows = await RowsOfCreatorAsync(TableNames.Gifts, creator);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.GetString("Kind") == "refund" && r.GetString("Source") == "release");
        Assert.DoesNotContain(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey.StartsWith(creator + "|waiting|", StringComparison.Ordinal));
        Assert.Equal(["duplicate"], (await PostGiftsAsync(refund)).Statuses);
    }

    [Fact]
    public async Task WaitingRefundThatBreaksARuleOnceItsGiftArrives_IsKeptInIngestRejectedWithTheReason()
    {
        var lea = Payloads.Unique("rwlea");
        var max = Payloads.Unique("rwmax");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", max, Payloads.RecordId(lea, "g"), 1, "2026-11-11T20:00:00Z")));

        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", lea, 10, 1, "2026-11-10T20:00:00Z")));

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, max));
        var rejected = (await RowsAsync(TableNames.IngestRejected, Now.InUtc().Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Single(r => r.GetString("RecordId") == Payloads.RecordId(max, "r"));
        Assert.Contains("another creator", rejected.GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains("refused once it did", rejected.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedRefundThroughTheQueue_IsKeptInIngestRejectedWithTheReason()
    {
        var creator = Payloads.Unique("rqueue");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 1, "2026-11-10T20:00:00Z")));
        var body = Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", creator, Payloads.RecordId(creator, "g"), 5, "2026-11-11T20:00:00Z"));
        var message = QueuesModelFactory.QueueMessage("refund-" + Guid.NewGuid().ToString("N"), "pop", body, dequeueCount: 1);

        await ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services).Run(message, CancellationToken.None);

        var rejected = (await RowsAsync(TableNames.IngestRejected, Now.InUtc().Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Single(r => r.GetString("RecordId") == Payloads.RecordId(creator, "r"));
        Assert.Contains("quantity", rejected.GetString("Reason"), StringComparison.Ordinal);
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    private static JsonObject Refund(string recordId, string creatorId, string original, int quantity, string occurredAt) =>
        Payloads.Gift(recordId, creatorId, 10, quantity, occurredAt).With("kind", "refund").With("originalRecordId", original);

    private static string ErrorsOf(HttpCall.Response response, string field) =>
        string.Join(" ", response.Body.GetProperty("results")[0].GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
