using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// An admin voids a stored record with a reason: the record never changes; a void before its statement means it never
/// counts, a void after means the creator's next statement reverses it naming the original period and record; voiding
/// the record that blocked a statement unblocks it in the same call.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class VoidTests(PayoutsAppFixture app) : VoidTestBase(app)
{
    [Fact]
    public async Task VoidBeforeTheStatement_TheRecordNeverCounts()
    {
        var creator = await CreatorAsync("vbefore", "2035-02-10T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("keep", creator, "100.00").With("earnedAt", "2035-01-10T10:00:00Z"),
            Payloads.Deal("wrong", creator, "999.00").With("earnedAt", "2035-01-11T10:00:00Z")));

        var voided = await VoidAsync("deals", Payloads.RecordId(creator, "wrong"), "entered twice by the partner");
        Assert.Equal(200, voided.Status);
        Assert.Equal("voided", voided.Body.GetProperty("result").GetString());
        await ClosePeriodAsync("2035-01");
        await DrainStatementJobsAsync();

        var january = await TypedHeaderAsync(creator, "2035-01");
        Assert.Equal(1, january!.RecordCount);
        Assert.Equal(10000, january.Totals.Deals);
        Assert.Equal(10000 - 1500, january.Totals.Net);
    }

    [Fact]
    public async Task VoidAfterTheRecordWasCounted_TheNextStatementReversesIt_AndTheIssuedOneNeverChanges()
    {
        var creator = await CreatorAsync("vafter", "2035-04-10T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("placement", creator, "200.00").With("earnedAt", "2035-03-10T10:00:00Z")));
        await ClosePeriodAsync("2035-03");
        await DrainStatementJobsAsync();
        var march = await HeaderAsync(creator, "2035-03");

        Assert.Equal(200, (await VoidAsync("deals", Payloads.RecordId(creator, "placement"), "the brand cancelled the campaign")).Status);
        SetClock("2035-05-05T12:00:00Z");
        await ClosePeriodAsync("2035-04");
        await DrainStatementJobsAsync();

        Assert.Equal(march!.ETag, (await HeaderAsync(creator, "2035-03"))!.ETag);
        var april = await TypedHeaderAsync(creator, "2035-04");
        Assert.Equal(-20000 + 3000, april!.Totals.Net);
        var reversal = Assert.Single(await StatementLinesAsync(creator, "2035-04"), l => l.GetString("Kind") == "Void");
        Assert.Equal("2035-03", reversal.GetString("OriginalPeriod"));
        Assert.Equal(-20000, reversal.GetInt64("AmountMinor"));
        Assert.Equal(Payloads.RecordId(creator, "placement"), reversal.GetString("RecordId"));
    }

    [Fact]
    public async Task VoidOfAPartlyRefundedGift_ReversesWhatIsLeft_AndNoLaterRefundIsAccepted()
    {
        var creator = await CreatorAsync("vgift", "2035-06-10T12:00:00Z");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("g", creator, 1000, 3, "2035-05-10T20:00:00Z"),
            Payloads.Gift("r", creator, 1000, 1, "2035-05-11T20:00:00Z").With("kind", "refund").With("originalRecordId", gift)));
        await ClosePeriodAsync("2035-05");
        await DrainStatementJobsAsync();
        // 3 − 1 refunded = 2 × 1,000 coins × 0.5 × 0.005 USD × 0.92 = 4.60 EUR.
        Assert.Equal(460, (await TypedHeaderAsync(creator, "2035-05"))!.Totals.Gifts);

        Assert.Equal(200, (await VoidAsync("gifts", gift, "fraudulent purchase")).Status);
        var late = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("r2", creator, 1000, 1, "2035-06-11T20:00:00Z").With("kind", "refund").With("originalRecordId", gift)));
        Assert.Equal(["rejected"], late.Statuses);

        SetClock("2035-07-05T12:00:00Z");
        await ClosePeriodAsync("2035-06");
        await DrainStatementJobsAsync();

        // The void takes back the 2 the refund had not: 4.60 EUR reversed.
        Assert.Equal(-460, (await TypedHeaderAsync(creator, "2035-06"))!.Totals.Gifts);
    }

    [Fact]
    public async Task VoidOfTheRecordThatBlockedAStatement_UnblocksItInTheSameCall()
    {
        var creator = await CreatorAsync("vblock", "2035-09-10T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("ok", creator, "50.00").With("earnedAt", "2035-08-10T10:00:00Z"),
            Payloads.Deal("yen", creator, "5000", "JPY").With("earnedAt", "2035-08-11T10:00:00Z")));
        await ClosePeriodAsync("2035-08");
        await DrainStatementJobsAsync();
        Assert.Null(await TypedHeaderAsync(creator, "2035-08"));
        var blocked = Assert.Single((await GetPeriodAsync("2035-08")).Body.GetProperty("blocked").EnumerateArray(), b => b.GetProperty("creatorId").GetString() == creator);
        var reason = Assert.Single(blocked.GetProperty("reasons").EnumerateArray());
        Assert.Equal("missing-fx", reason.GetProperty("code").GetString());
        Assert.Equal([Payloads.RecordId(creator, "yen")], reason.GetProperty("recordIds").EnumerateArray().Select(r => r.GetString()));
        var mine = Assert.Single((await ListStatementsAsync(creator)).Body.GetProperty("blocked").EnumerateArray());
        Assert.Equal("2035-08", mine.GetProperty("period").GetString());
        Assert.Equal("missing-fx", mine.GetProperty("reasons")[0].GetProperty("code").GetString());

        var voided = await VoidAsync("deals", Payloads.RecordId(creator, "yen"), "sent in the wrong currency; resent as a new record");
        Assert.Equal(["2035-08"], voided.Body.GetProperty("rebuilding").EnumerateArray().Select(p => p.GetString()));
        await DrainStatementJobsAsync();

        var august = await TypedHeaderAsync(creator, "2035-08");
        Assert.Equal(5000 - 750, august!.Totals.Net);
        Assert.Empty((await ListStatementsAsync(creator)).Body.GetProperty("blocked").EnumerateArray());
    }

    [Fact]
    public async Task VoidRequests_ThatCannotBeDone_AreProblems()
    {
        var creator = await CreatorAsync("vbad", "2035-11-10T12:00:00Z");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("g", creator, 10, 2, "2035-11-01T20:00:00Z"),
            Payloads.Gift("r", creator, 10, 1, "2035-11-02T20:00:00Z").With("kind", "refund").With("originalRecordId", gift)));

        Assert.Equal(404, (await VoidAsync("deals", Payloads.RecordId(creator, "nothing"), "typo")).Status);
        Assert.Equal(409, (await VoidAsync("gifts", Payloads.RecordId(creator, "r"), "refund by mistake")).Status);
        Assert.Equal(400, (await VoidAsync("gifts", gift, "   ")).Status);
        Assert.Equal(400, (await VoidAsync("bonuses", gift, "kind")).Status);
        Assert.Equal("voided", (await VoidAsync("gifts", gift, "fraud")).Body.GetProperty("result").GetString());
        Assert.Equal("alreadyVoided", (await VoidAsync("gifts", gift, "fraud again")).Body.GetProperty("result").GetString());
    }
}
