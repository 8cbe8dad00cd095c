using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

[Collection(AppCollection.Name)]
public sealed class HttpGiftIngestTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task PostGifts_ValidBatch_StoresEveryRecordOnceWithHashedSender()
    {
        var creator = Payloads.Unique("lea");
        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("g1", creator, 1, 300),
            Payloads.Gift("g2", creator, 1000, 2),
            Payloads.Gift("g3", creator, 29_999, 1)));

        Assert.Equal(200, response.Status);
        Assert.Equal(3, response.Body.GetProperty("accepted").GetInt32());
        Assert.Equal(["accepted", "accepted", "accepted"], response.Statuses);
        var rows = await RowsAsync(TableNames.Gifts, $"{creator}|2026-11");
        Assert.Equal([$"tiklive|{creator}.g1", $"tiklive|{creator}.g2", $"tiklive|{creator}.g3"], rows.Select(r => r.RowKey).Order());
        var rose = rows.Single(r => r.RowKey == $"tiklive|{creator}.g1");
        Assert.Equal(300, rose.GetInt32("Quantity"));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 19, 15, 0, TimeSpan.Zero), rose.GetDateTimeOffset("OccurredAt"));
        Assert.Equal(64, rose.GetString("SenderHash").Length);
        Assert.DoesNotContain(rows.SelectMany(r => ((IDictionary<string, object>)r).Values), v => v is string s && s.Contains("viewer-42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostGifts_MixedBatch_StoresValidReportsInvalidInInputOrder()
    {
        var creator = Payloads.Unique("mix");
        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("ok-1", creator),
            Payloads.Gift("bad-1", creator).With("quantity", 0).With("occurredAt", "yesterday"),
            Payloads.Gift("ok-2", creator)));

        Assert.Equal(200, response.Status);
        Assert.Equal(["accepted", "rejected", "accepted"], response.Statuses);
        var errors = response.Body.GetProperty("results")[1].GetProperty("errors");
        Assert.True(errors.TryGetProperty("quantity", out _));
        Assert.True(errors.TryGetProperty("occurredAt", out _));
        Assert.Equal(2, (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Count);
    }

    [Fact]
    public async Task PostGifts_ThousandRecords_AllAccepted()
    {
        var creator = Payloads.Unique("big");
        var records = Enumerable.Range(0, 1000).Select(i => Payloads.Gift($"r{i:D4}", creator, 5, 1 + (i % 7))).ToArray();

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, records));

        Assert.Equal(1000, response.Body.GetProperty("accepted").GetInt32());
        Assert.Equal(1000, (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Count);
    }

    [Fact]
    public async Task PostGifts_ThousandAndOneRecords_WholeRequestRefusedNothingWritten()
    {
        var creator = Payloads.Unique("over");
        var records = Enumerable.Range(0, 1001).Select(i => Payloads.Gift($"r{i}", creator)).ToArray();

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, records));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"partnerId\":\"tiklive\"}")]
    [InlineData("{\"partnerId\":\"tiklive\",\"records\":[]}")]
    [InlineData("{\"partnerId\":\"tiklive\",\"records\":{\"a\":1}}")]
    [InlineData("{\"partnerId\":\"tiklive\",\"records\":[[[[[[[[[[[[1]]]]]]]]]]]]}")]
    public async Task PostGifts_MalformedBody_Is400ProblemDetails(string body)
    {
        var response = await PostGiftsAsync(body, partnerHeader: PayoutsAppFixture.Partner);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(400, response.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(response.Body.GetProperty("detail").GetString()));
        Assert.StartsWith("urn:payouts:problem:", response.Body.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostGifts_WrongMediaType_Is415()
    {
        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("x", "c")), contentType: "text/plain");

        Assert.Equal(415, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task PostGifts_BodyOverFourMebibytes_Is413()
    {
        var padding = new string(' ', (4 * 1024 * 1024) + 1);
        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("x", "c")) + padding);

        Assert.Equal(413, response.Status);
    }

    [Fact]
    public async Task PostGifts_NdJsonWithPartnerHeader_StoresEachLine()
    {
        var creator = Payloads.Unique("nd");
        var body = string.Join("\n", Payloads.Gift("n1", creator).ToJsonString(), string.Empty, Payloads.Gift("n2", creator).ToJsonString()) + "\n";

        var response = await PostGiftsAsync(body, contentType: "application/x-ndjson", partnerHeader: PayoutsAppFixture.Partner);

        Assert.Equal(["accepted", "accepted"], response.Statuses);
        Assert.Equal(2, (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Count);
    }

    [Fact]
    public async Task PostGifts_Streak_OneRecordPerFinishedStreakCountsItsQuantityOnce()
    {
        // DOMAIN.md §1b: a bridge sends the final event of a streak (repeatEnd) as one record with quantity = repeatCount.
        var creator = Payloads.Unique("streak");
        var finalEvent = Payloads.Gift("msg-7001-final", creator, 5, 37);

        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, finalEvent));
        var resend = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, finalEvent));

        Assert.Equal(["duplicate"], resend.Statuses);
        var row = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Equal(37, row.GetInt32("Quantity"));
    }
}
