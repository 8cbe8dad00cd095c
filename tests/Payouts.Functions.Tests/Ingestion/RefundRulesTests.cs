using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>
/// A refund names a gift of the same partner and creator and is not dated before it (else a field error), and never
/// takes back more than the gift's quantity (else a conflict naming the gift and what remains); a refused refund's id
/// stays free. A refund whose gift is not stored yet waits for it. Over HTTP and through the queue.
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
        Assert.False(response.Body.GetProperty("results")[0].TryGetProperty("conflict", out _));
    }

    [Fact]
    public async Task Refunds_BeyondTheGiftsQuantityAreAConflictNamingWhatRemains_AndAResendReservesNothingTwice()
    {
        var creator = Payloads.Unique("rqty");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 3, "2026-11-10T20:00:00Z")));
        var first = Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r1", creator, gift, 2, "2026-11-11T20:00:00Z"));

        Assert.Equal(["accepted"], (await PostGiftsAsync(first)).Statuses);
        Assert.Equal(["duplicate"], (await PostGiftsAsync(first)).Statuses);
        var tooMany = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r2", creator, gift, 2, "2026-11-12T20:00:00Z")));
        Assert.Equal(["rejected"], tooMany.Statuses);
        var outcome = tooMany.Body.GetProperty("results")[0];
        Assert.True(outcome.GetProperty("conflict").GetBoolean());
        Assert.Equal(["originalRecordId"], outcome.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains($"conflicts with gift {gift}: takes back 2, but only 1 of its 3 remain refundable (2 already refunded or voided)", ErrorsOf(tooMany, "originalRecordId"), StringComparison.Ordinal);
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
    public async Task OverRefundThroughTheQueue_IsKeptInIngestRejectedAsAConflictNamingWhatRemains()
    {
        var creator = Payloads.Unique("rqueue");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 1, "2026-11-10T20:00:00Z")));
        await RunGiftsQueueAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", creator, Payloads.RecordId(creator, "g"), 5, "2026-11-11T20:00:00Z")));

        var rejected = await RejectedAsync(Payloads.RecordId(creator, "r"));
        Assert.StartsWith($"conflict; originalRecordId: conflicts with gift {Payloads.RecordId(creator, "g")}: takes back 5, but only 1 of its 1 remain refundable",
            rejected.GetString("Reason"), StringComparison.Ordinal);
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Fact]
    public async Task RefundOfAnotherCreatorsGiftThroughTheQueue_IsKeptInIngestRejectedOnOriginalRecordId()
    {
        var lea = Payloads.Unique("rqlea");
        var max = Payloads.Unique("rqmax");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", lea, 10, 2, "2026-11-10T20:00:00Z")));

        await RunGiftsQueueAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", max, Payloads.RecordId(lea, "g"), 1, "2026-11-11T20:00:00Z")));

        Assert.Equal("originalRecordId: names a gift of another creator.", (await RejectedAsync(Payloads.RecordId(max, "r"))).GetString("Reason"));
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, max));
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, lea));
    }

    [Fact]
    public async Task RefundDatedBeforeItsGiftThroughTheQueue_IsKeptInIngestRejectedOnOccurredAt_AndCanBeResentFixed()
    {
        var creator = Payloads.Unique("rqdate");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 2, "2026-11-10T20:00:00Z")));

        await RunGiftsQueueAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", creator, gift, 1, "2026-11-09T20:00:00Z")));

        Assert.StartsWith("occurredAt: is before the gift it refunds (2026-11-10T20:00:00Z)", (await RejectedAsync(Payloads.RecordId(creator, "r"))).GetString("Reason"), StringComparison.Ordinal);
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));

        // Its id was never claimed: the fixed refund goes through under the same id.
        await RunGiftsQueueAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", creator, gift, 1, "2026-11-11T20:00:00Z")));
        Assert.Equal(2, (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Count);
    }

    [Fact]
    public async Task RefundBeforeItsGiftThroughTheQueue_WaitsAside_AndIsStoredWhenTheGiftArrivesThroughTheQueue()
    {
        var creator = Payloads.Unique("rqwait");
        var refund = Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", creator, Payloads.RecordId(creator, "g"), 1, "2026-11-11T20:00:00Z"));

        await RunGiftsQueueAsync(refund);

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        var mark = Assert.Single(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey.StartsWith(creator + "|waiting|", StringComparison.Ordinal));
        Assert.Equal(Payloads.RecordId(creator, "g"), mark.GetString("OriginalRecordId"));
        Assert.DoesNotContain(await RowsAsync(TableNames.IngestRejected, Today), r => r.GetString("RecordId") == Payloads.RecordId(creator, "r"));

        await RunGiftsQueueAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 1, "2026-11-10T20:00:00Z")));

        var rows = await RowsOfCreatorAsync(TableNames.Gifts, creator);
        Assert.Equal(["gift", "refund"], rows.Select(r => r.GetString("Kind")).Order(StringComparer.Ordinal));
        Assert.Equal("release", rows.Single(r => r.GetString("Kind") == "refund").GetString("Source"));
        Assert.DoesNotContain(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey.StartsWith(creator + "|waiting|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefundNamingAnotherPartnersGiftId_WaitsInItsOwnPartnersIdSpace_AndTakesNothingFromThatGift()
    {
        var creator = Payloads.Unique("rxpart");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 2, "2026-11-10T20:00:00Z")));

        var foreign = await PostGiftsAsync(
            Payloads.Envelope(PayoutsAppFixture.OtherPartner, Refund("x", creator, gift, 2, "2026-11-11T20:00:00Z")),
            PayoutsAppFixture.OtherPartnerSecret);

        // Accepted as waiting for brandhub's own gift of that id, which never came: nothing stored, tiklive's gift untouched.
        Assert.Equal(["accepted"], foreign.Statuses);
        Assert.Equal([$"{PayoutsAppFixture.Partner}|{gift}"], (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Select(r => r.RowKey));
        Assert.Contains(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey == $"{creator}|waiting|{PayoutsAppFixture.OtherPartner}|{Payloads.RecordId(creator, "x")}");
        var own = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r", creator, gift, 2, "2026-11-11T20:00:00Z")));
        Assert.Equal(["accepted"], own.Statuses);

        // A resend of tiklive's gift releases nothing of brandhub's.
        Assert.Equal(["duplicate"], (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 2, "2026-11-10T20:00:00Z")))).Statuses);
        Assert.Equal(2, (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Count);
        Assert.Contains(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey.StartsWith($"{creator}|waiting|{PayoutsAppFixture.OtherPartner}|", StringComparison.Ordinal));
    }

    private string Today => Now.InUtc().Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Azure.Data.Tables.TableEntity> RejectedAsync(string recordId) =>
        (await RowsAsync(TableNames.IngestRejected, Today)).Single(r => r.GetString("RecordId") == recordId);

    private async Task RunGiftsQueueAsync(string body)
    {
        var message = QueuesModelFactory.QueueMessage("refund-" + Guid.NewGuid().ToString("N"), "pop", body, dequeueCount: 1);
        await ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services).Run(message, CancellationToken.None);
    }

    [Fact]
    public async Task RefundOfOtherCoinsOrAnotherGiftThanItsOriginal_IsRejectedOnThoseFields_OverHttpAndTheQueue()
    {
        var creator = Payloads.Unique("rcoins");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1, 1, "2026-11-10T20:00:00Z")));

        // One rose of 1 coin cannot be refunded as a 100,000-coin Universe: that would take back far more than it gave.
        var http = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Refund("r1", creator, gift, 1, "2026-11-11T20:00:00Z").With("coinsPerGift", 100_000).With("giftId", "universe")));
        await RunGiftsQueueAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Refund("r2", creator, gift, 1, "2026-11-11T20:00:00Z").With("coinsPerGift", 2).With("giftId", "rose")));

        Assert.Equal(["rejected"], http.Statuses);
        Assert.Contains("sent at 1 coins each", ErrorsOf(http, "coinsPerGift"), StringComparison.Ordinal);
        Assert.Contains("the gift it refunds is rose", ErrorsOf(http, "giftId"), StringComparison.Ordinal);
        Assert.Equal("coinsPerGift: is 2, but the gift it refunds was sent at 1 coins each.", (await RejectedAsync(Payloads.RecordId(creator, "r2"))).GetString("Reason"));
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));

        var fixedRefund = Refund("r1", creator, gift, 1, "2026-11-11T20:00:00Z").With("coinsPerGift", 1).With("giftId", "rose");
        Assert.Equal(["accepted"], (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, fixedRefund))).Statuses);
    }

    private static JsonObject Refund(string recordId, string creatorId, string original, int quantity, string occurredAt) =>
        Payloads.Gift(recordId, creatorId, 10, quantity, occurredAt).With("kind", "refund").With("originalRecordId", original);

    private static string ErrorsOf(HttpCall.Response response, string field) =>
        string.Join(" ", response.Body.GetProperty("results")[0].GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
