using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>Same (partner, record id): same content is a no-op duplicate; other content is a conflict and the stored record stays.</summary>
[Collection(AppCollection.Name)]
public sealed class IdempotencyTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task Resend_SameContentInOtherJsonOrder_IsDuplicateAndWritesNothing()
    {
        var creator = Payloads.Unique("dup");
        var gift = Payloads.Gift("d1", creator, 5, 3);
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, gift));
        var before = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));

        var reordered = "{\"records\":[{\"kind\":\"gift\",\"quantity\":3,\"occurredAt\":\"2026-11-10T19:15:00Z\",\"coinsPerGift\":5,\"giftId\":\"rose\"," +
            $"\"senderId\":\"viewer-42\",\"liveId\":\"live-1\",\"creatorId\":\"{creator}\",\"recordId\":\"{creator}.d1\"}}],   \"partnerId\":\"tiklive\"}}";
        var response = await PostGiftsAsync(reordered);

        Assert.Equal(["duplicate"], response.Statuses);
        Assert.Equal(1, response.Body.GetProperty("duplicates").GetInt32());
        var after = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Equal(before.ETag, after.ETag);
    }

    [Theory]
    [InlineData("quantity")]
    [InlineData("month")]
    [InlineData("creator")]
    public async Task Resend_DifferentContent_IsRejectedAndStoredRecordUnchanged(string change)
    {
        var creator = Payloads.Unique("conf");
        var recordId = Payloads.Unique("rec");
        var original = Payloads.Gift(recordId, creator, 5, 3);
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, original));
        var otherCreator = creator + "x";
        var changed = change switch
        {
            "quantity" => original.With("quantity", 4),
            "month" => original.With("occurredAt", "2026-10-10T20:15:00+02:00"),
            _ => original.With("creatorId", otherCreator),
        };

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, changed));

        Assert.Equal(["rejected"], response.Statuses);
        Assert.Contains("different content", response.Body.GetProperty("results")[0].GetProperty("errors").GetProperty("recordId")[0].GetString(), StringComparison.Ordinal);
        Assert.True(response.Body.GetProperty("results")[0].GetProperty("conflict").GetBoolean());
        var stored = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Equal("2026-11", stored.GetString("Period"));
        Assert.Equal(3, stored.GetInt32("Quantity"));
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, otherCreator));
    }

    [Fact]
    public async Task SameRecordTwiceInOneBatch_SecondIsDuplicate_ConflictingTwinIsRejected()
    {
        var creator = Payloads.Unique("twin");
        var gift = Payloads.Gift("t1", creator);

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, gift, gift, gift.With("quantity", 9)));

        Assert.Equal(["accepted", "duplicate", "rejected"], response.Statuses);
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Fact]
    public async Task ConcurrentIdenticalRequests_ExactlyOneRowAndOneAcceptance()
    {
        var creator = Payloads.Unique("race");
        var body = Payloads.Envelope(PayoutsAppFixture.Partner, Enumerable.Range(0, 50).Select(i => Payloads.Gift($"c{i}", creator)).ToArray());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostGiftsAsync(body)));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.Equal(50, responses.Sum(r => r.Body.GetProperty("accepted").GetInt32()));
        Assert.Equal(150, responses.Sum(r => r.Body.GetProperty("duplicates").GetInt32()));
        Assert.Equal(50, (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Count);
    }

    [Fact]
    public async Task ClaimedButNeverWritten_ResendRepairsTheRowAndReportsAccepted()
    {
        // A crash after the id claim and before the data row: the resend must store the record, once.
        var creator = Payloads.Unique("crash");
        var gift = Payloads.Gift("k1", creator, 10, 2);
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, gift));
        var row = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        await App.Tables.GetTableClient(TableNames.Gifts).DeleteEntityAsync(row.PartitionKey, row.RowKey);

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, gift));
        var again = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, gift));

        Assert.Equal(["accepted"], response.Statuses);
        Assert.Equal(["duplicate"], again.Statuses);
        var repaired = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Equal(row.GetString("Fingerprint"), repaired.GetString("Fingerprint"));
    }

    [Fact]
    public async Task SameRecordIdFromAnotherPartner_IsAnotherRecord()
    {
        var creator = Payloads.Unique("two");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("shared-id", creator)));

        var response = await PostGiftsAsync(
            Payloads.Envelope(PayoutsAppFixture.OtherPartner, Payloads.Gift("shared-id", creator)),
            PayoutsAppFixture.OtherPartnerSecret);

        Assert.Equal(["accepted"], response.Statuses);
        Assert.Equal([$"brandhub|{creator}.shared-id", $"tiklive|{creator}.shared-id"], (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Select(r => r.RowKey).Order());
    }
}
