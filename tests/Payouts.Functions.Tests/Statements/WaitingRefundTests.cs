using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>A refund that arrives before its gift waits (shown by reconciliation) and counts only once the gift is stored.</summary>
[Collection(StatementsCollection.Name)]
public sealed class WaitingRefundTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task RefundBeforeItsGift_ShowsAsWaiting_ThenCountsWithItsGiftInTheSameStatement()
    {
        var creator = Payloads.Unique("rwpipe");
        SetClock("2034-01-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("r", creator, 1000, 1, "2034-01-12T20:00:00Z").With("kind", "refund").With("originalRecordId", gift)));

        var waiting = (await GetPeriodAsync("2034-01")).Body.GetProperty("records");
        Assert.Equal(1, waiting.GetProperty("waitingForTheirGift").GetInt64());
        Assert.Equal(0, waiting.GetProperty("stored").GetInt64());

        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1000, 2, "2034-01-10T20:00:00Z")));
        var released = (await GetPeriodAsync("2034-01")).Body.GetProperty("records");
        Assert.Equal(0, released.GetProperty("waitingForTheirGift").GetInt64());
        Assert.Equal(2, released.GetProperty("stored").GetInt64());

        SetClock("2034-02-05T12:00:00Z");
        await ClosePeriodAsync("2034-01");
        await DrainStatementJobsAsync();

        // (2 − 1) × 1,000 coins × 0.5 × 0.005 USD × 0.92 = 2.30 EUR.
        var january = await TypedHeaderAsync(creator, "2034-01");
        Assert.Equal(2, january!.RecordCount);
        Assert.Equal(230, january.Totals.Gifts);
    }
}
