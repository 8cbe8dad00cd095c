using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A refund that arrives before its gift waits (reconciliation counts and names it) and counts only once its gift is
/// stored; one voided while it waits never counts; one naming another partner's gift id waits for its own partner's.
/// </summary>
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

        var waitingPeriod = (await GetPeriodAsync("2034-01")).Body;
        var waiting = waitingPeriod.GetProperty("records");
        Assert.Equal(1, waiting.GetProperty("waitingForTheirGift").GetInt64());
        Assert.Equal(0, waiting.GetProperty("stored").GetInt64());
        var listed = Assert.Single(waitingPeriod.GetProperty("waitingRefunds").EnumerateArray());
        Assert.Equal(PayoutsAppFixture.Partner, listed.GetProperty("partnerId").GetString());
        Assert.Equal(Payloads.RecordId(creator, "r"), listed.GetProperty("recordId").GetString());
        Assert.Equal(gift, listed.GetProperty("originalRecordId").GetString());
        Assert.Equal(creator, listed.GetProperty("creatorId").GetString());
        Assert.Equal("2034-01-20T12:00:00Z", listed.GetProperty("waitingSince").GetString());

        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1000, 2, "2034-01-10T20:00:00Z")));
        var releasedPeriod = (await GetPeriodAsync("2034-01")).Body;
        var released = releasedPeriod.GetProperty("records");
        Assert.Equal(0, released.GetProperty("waitingForTheirGift").GetInt64());
        Assert.Equal(2, released.GetProperty("stored").GetInt64());
        Assert.Empty(releasedPeriod.GetProperty("waitingRefunds").EnumerateArray());

        SetClock("2034-02-05T12:00:00Z");
        await ClosePeriodAsync("2034-01");
        await DrainStatementJobsAsync();

        // (2 − 1) × 1,000 coins × 0.5 × 0.005 USD × 0.92 = 2.30 EUR.
        var january = await TypedHeaderAsync(creator, "2034-01");
        Assert.Equal(2, january!.RecordCount);
        Assert.Equal(230, january.Totals.Gifts);
    }

    [Fact]
    public async Task ManyWaitingRefunds_ReconciliationNamesTheFirst100AndCountsAll_AResendKeepsWhenItFirstCame()
    {
        var creator = Payloads.Unique("rwmany");
        SetClock("2086-02-20T12:00:00Z");
        var refunds = Enumerable.Range(0, 101)
            .Select(i => Payloads.Gift($"r{i:D3}", creator, 10, 1, "2086-02-12T20:00:00Z").With("kind", "refund").With("originalRecordId", Payloads.RecordId(creator, $"never-{i:D3}")))
            .ToArray();
        Assert.Equal(101, (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, refunds))).Body.GetProperty("accepted").GetInt32());
        SetClock("2086-02-21T08:00:00Z");
        Assert.Equal(101, (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, refunds))).Body.GetProperty("duplicates").GetInt32());

        var period = (await GetPeriodAsync("2086-02")).Body;

        Assert.Equal(101, period.GetProperty("records").GetProperty("waitingForTheirGift").GetInt64());
        var listed = period.GetProperty("waitingRefunds").EnumerateArray().ToList();
        Assert.Equal(refunds.Take(100).Select(r => r["recordId"]!.GetValue<string>()), listed.Select(l => l.GetProperty("recordId").GetString()));
        Assert.All(listed, l => Assert.Equal("2086-02-20T12:00:00Z", l.GetProperty("waitingSince").GetString()));
        Assert.Equal(Payloads.RecordId(creator, "never-000"), listed[0].GetProperty("originalRecordId").GetString());
    }

    [Fact]
    public async Task WaitingRefundVoided_LeavesWaitingForGood_AndItsGiftCountsInFull()
    {
        var creator = Payloads.Unique("rwvoid");
        var refundId = Payloads.RecordId(creator, "r");
        SetClock("2086-03-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        var refund = Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("r", creator, 1000, 1, "2086-03-12T20:00:00Z").With("kind", "refund").With("originalRecordId", Payloads.RecordId(creator, "g")));
        Assert.Equal(["accepted"], (await PostGiftsAsync(refund)).Statuses);

        var voided = await VoidAsync(refundId, "the partner refunded a gift it never sent");
        Assert.Equal(200, voided.Status);
        Assert.Equal("voided", voided.Body.GetProperty("result").GetString());
        Assert.Equal("2086-03", voided.Body.GetProperty("recordPeriod").GetString());
        Assert.Equal("alreadyVoided", (await VoidAsync(refundId, "again")).Body.GetProperty("result").GetString());
        var afterVoid = (await GetPeriodAsync("2086-03")).Body;
        Assert.Equal(0, afterVoid.GetProperty("records").GetProperty("waitingForTheirGift").GetInt64());
        Assert.Empty(afterVoid.GetProperty("waitingRefunds").EnumerateArray());

        // A resend is a duplicate and does not wait again; the gift, when it comes, stores nothing of the refund.
        Assert.Equal(["duplicate"], (await PostGiftsAsync(refund)).Statuses);
        Assert.Equal(0, (await GetPeriodAsync("2086-03")).Body.GetProperty("records").GetProperty("waitingForTheirGift").GetInt64());
        Assert.Equal(["accepted"], (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1000, 2, "2086-03-10T20:00:00Z")))).Statuses);
        Assert.Equal(["gift"], (await RowsOfCreatorAsync(Storage.Tables.TableNames.Gifts, creator)).Select(r => r.GetString("Kind")));
        Assert.Equal(["duplicate"], (await PostGiftsAsync(refund)).Statuses);

        SetClock("2086-04-05T12:00:00Z");
        await ClosePeriodAsync("2086-03");
        await DrainStatementJobsAsync();

        // 2 × 1,000 coins × 0.5 × 0.005 USD × 0.92 = 4.60 EUR: the voided refund took nothing back.
        var march = await TypedHeaderAsync(creator, "2086-03");
        Assert.Equal(1, march!.RecordCount);
        Assert.Equal(460, march.Totals.Gifts);
    }

    [Fact]
    public async Task RefundNamingAnotherPartnersGift_IsListedWaitingUnderItsOwnPartner_AndNeverTakesFromThatGift()
    {
        var creator = Payloads.Unique("rwxp");
        var gift = Payloads.RecordId(creator, "g");
        SetClock("2086-05-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1000, 2, "2086-05-10T20:00:00Z")));

        var foreign = await PostGiftsAsync(
            Payloads.Envelope(PayoutsAppFixture.OtherPartner, Payloads.Gift("x", creator, 1000, 2, "2086-05-12T20:00:00Z").With("kind", "refund").With("originalRecordId", gift)),
            PayoutsAppFixture.OtherPartnerSecret);
        Assert.Equal(["accepted"], foreign.Statuses);

        var listed = Assert.Single((await GetPeriodAsync("2086-05")).Body.GetProperty("waitingRefunds").EnumerateArray(), w => w.GetProperty("creatorId").GetString() == creator);
        Assert.Equal(PayoutsAppFixture.OtherPartner, listed.GetProperty("partnerId").GetString());
        Assert.Equal(gift, listed.GetProperty("originalRecordId").GetString());

        SetClock("2086-06-05T12:00:00Z");
        await ClosePeriodAsync("2086-05");
        await DrainStatementJobsAsync();

        var may = await TypedHeaderAsync(creator, "2086-05");
        Assert.Equal(1, may!.RecordCount);
        Assert.Equal(460, may.Totals.Gifts);
        Assert.Single((await GetPeriodAsync("2086-05")).Body.GetProperty("waitingRefunds").EnumerateArray(), w => w.GetProperty("creatorId").GetString() == creator);
    }

    [Fact]
    public async Task WaitingMarkOfAnOlderVersion_StillListed_PartnerAndRecordFromItsKey()
    {
        // Marks written before they named partner, record and gift: CreatorId, Waiting and LastIngestAt only.
        var creator = Payloads.Unique("rwold");
        var mark = new Azure.Data.Tables.TableEntity("2086-07", $"{creator}|waiting|{PayoutsAppFixture.Partner}|{creator}.r")
        {
            ["CreatorId"] = creator,
            ["Waiting"] = true,
            ["LastIngestAt"] = new DateTimeOffset(2086, 7, 3, 9, 30, 0, TimeSpan.Zero),
        };
        await App.Tables.GetTableClient(Storage.Tables.TableNames.Activity).AddEntityAsync(mark);
        SetClock("2086-07-20T12:00:00Z");

        var period = (await GetPeriodAsync("2086-07")).Body;

        var listed = Assert.Single(period.GetProperty("waitingRefunds").EnumerateArray(), w => w.GetProperty("creatorId").GetString() == creator);
        Assert.Equal(PayoutsAppFixture.Partner, listed.GetProperty("partnerId").GetString());
        Assert.Equal($"{creator}.r", listed.GetProperty("recordId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("originalRecordId").ValueKind);
        Assert.Equal("2086-07-03T09:30:00Z", listed.GetProperty("waitingSince").GetString());
    }

    private Task<HttpCall.Response> VoidAsync(string recordId, string reason) =>
        PostAdminAsync<Functions.Admin.VoidRecordHttp>(
            new System.Text.Json.Nodes.JsonObject { ["reason"] = reason }.ToJsonString(),
            (f, r) => f.Run(r, "gifts", PayoutsAppFixture.Partner, recordId, CancellationToken.None));
}
