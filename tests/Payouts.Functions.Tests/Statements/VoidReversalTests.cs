using System.Text.Json;
using Payouts.Application.Statements;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// Issue 13.5 through the function classes on Azurite: a voided record never counts (so it cannot block a statement),
/// and one already counted is reversed in the creator's next statement on a void line naming the record and its
/// original period, in the JSON, CSV and HTML documents alike. Years 2065 and 2066 are these tests' own.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class VoidReversalTests(PayoutsAppFixture app) : VoidTestBase(app)
{
    [Fact]
    public async Task VoidOfAGiftWithoutARate_UnblocksTheStatementInOneCall_AndItIssuesWithoutTheGiftOrItsRefund()
    {
        // Region VX has no gift rates: its gifts block the statement (missing-rate); its deals do not need them.
        var creator = await CreatorAsync("vunblock", "2065-01-20T12:00:00Z", region: "VX");
        var gift = Payloads.RecordId(creator, "g");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "100.00").With("earnedAt", "2065-01-10T10:00:00Z")));
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("g", creator, 1000, 2, "2065-01-11T20:00:00Z"),
            Payloads.Gift("r", creator, 1000, 1, "2065-01-12T20:00:00Z").With("kind", "refund").With("originalRecordId", gift)));
        SetClock("2065-02-05T12:00:00Z");
        await ClosePeriodAsync("2065-01");
        await DrainStatementJobsAsync();
        Assert.Null(await TypedHeaderAsync(creator, "2065-01"));
        var blocked = Assert.Single((await ListStatementsAsync(creator)).Body.GetProperty("blocked").EnumerateArray());
        var reason = Assert.Single(blocked.GetProperty("reasons").EnumerateArray());
        Assert.Equal("missing-rate", reason.GetProperty("code").GetString());
        Assert.Contains(gift, reason.GetProperty("recordIds").EnumerateArray().Select(r => r.GetString()));

        var voided = await VoidAsync("gifts", gift, "the gift was sent to the wrong creator");

        Assert.Equal(200, voided.Status);
        Assert.Equal(["2065-01"], voided.Body.GetProperty("rebuilding").EnumerateArray().Select(p => p.GetString()));
        await DrainStatementJobsAsync();
        var january = await TypedHeaderAsync(creator, "2065-01");
        Assert.NotNull(january);
        Assert.Equal((0, 10000, 10000 - 1500), (january.Totals.Gifts, january.Totals.Deals, january.Totals.Net));
        Assert.Equal(1, january.RecordCount);
        Assert.DoesNotContain(await StatementLinesAsync(creator, "2065-01"), l => l.GetString("Kind") is "Gifts" or "Void");
        Assert.Empty((await ListStatementsAsync(creator)).Body.GetProperty("blocked").EnumerateArray());

        // The gift, its refund and the void are settled by this statement (nothing waits to be counted later).
        Assert.Equal(3, await SettledAsync(creator, RecordKind.Gift, "2065-01"));
    }

    [Fact]
    public async Task VoidsOfCountedRecords_AreReversedInTheNextStatement_OnVoidLinesNamingRecordAndPeriod_InEveryFormat()
    {
        var creator = await CreatorAsync("vlines", "2066-01-20T12:00:00Z");
        var gift = Payloads.RecordId(creator, "g");
        var deal = Payloads.RecordId(creator, "d");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("g", creator, 1000, 3, "2066-01-10T20:00:00Z"),
            Payloads.Gift("r", creator, 1000, 1, "2066-01-12T20:00:00Z").With("kind", "refund").With("originalRecordId", gift)));
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "200.00").With("earnedAt", "2066-01-11T10:00:00Z")));
        SetClock("2066-02-05T12:00:00Z");
        await ClosePeriodAsync("2066-01");
        await DrainStatementJobsAsync();
        var january = await HeaderAsync(creator, "2066-01");
        // (3 − 1) × 1,000 coins × 0.5 × 0.005 × 0.92 = 4.60 EUR and 200.00 EUR, less 20 % and 15 %.
        Assert.Equal(460 + 20000 - 92 - 3000, january!.GetInt64("NetMinor"));

        Assert.Equal("voided", (await VoidAsync("gifts", gift, "fraudulent purchase")).Body.GetProperty("result").GetString());
        Assert.Equal("voided", (await VoidAsync("deals", deal, "the brand cancelled the campaign")).Body.GetProperty("result").GetString());
        SetClock("2066-03-05T12:00:00Z");
        await ClosePeriodAsync("2066-02");
        await DrainStatementJobsAsync();

        Assert.Equal(january.ETag, (await HeaderAsync(creator, "2066-01"))!.ETag);
        var february = await TypedHeaderAsync(creator, "2066-02");
        Assert.Equal((-460, -20000, 92 + 3000), (february!.Totals.Gifts, february.Totals.Deals, february.Totals.AgencyCommission));
        Assert.Equal(-(460 + 20000 - 92 - 3000), february.Totals.Net);
        var id = $"{creator}~2066-02~v1";

        var json = await GetStatementAsync(id, "application/json");
        var voids = json.Body.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "void").ToList();
        Assert.Equal(
            [("gifts", gift, "2066-01", "-4.60"), ("deals", deal, "2066-01", "-200.00")],
            voids.Select(l => (Text(l, "revenue"), Text(l, "recordId"), Text(l, "originalPeriod"), Text(l, "amount"))));
        Assert.All(voids, l => Assert.Equal(PayoutsAppFixture.Partner, Text(l, "partnerId")));

        var csv = (await GetStatementAsync(id, "text/csv")).Text.Split("\r\n");
        Assert.EndsWith(",partnerId,recordId", Assert.Single(csv, l => l.StartsWith("number,", StringComparison.Ordinal)), StringComparison.Ordinal);
        var giftRow = Assert.Single(csv, l => l.Contains($",Void,Gifts,Reversal of voided gift {gift} from 2066-01", StringComparison.Ordinal));
        // Cells from the end: amount, rates (no comma in them), partnerId, recordId; the original period after the description.
        var giftCells = giftRow.Split(',');
        Assert.Equal(("-4.60", PayoutsAppFixture.Partner, gift), (giftCells[^4], giftCells[^2], giftCells[^1]));
        Assert.Equal("2066-01", giftCells[4]);
        var dealRow = Assert.Single(csv, l => l.Contains($",Void,Deals,\"Reversal of voided deal {deal} from 2066-01", StringComparison.Ordinal));
        Assert.EndsWith($",-200.00,fx EUR→EUR=identity:1,{PayoutsAppFixture.Partner},{deal}", dealRow, StringComparison.Ordinal);

        var html = (await GetStatementAsync(id, "text/html")).Text;
        Assert.Equal(2, html.Split("<span class=\"adj\">void 2066-01</span>").Length - 1);
        Assert.Contains($"voided record {PayoutsAppFixture.Partner}/{gift} of 2066-01", html, StringComparison.Ordinal);
        Assert.Contains($"voided record {PayoutsAppFixture.Partner}/{deal} of 2066-01", html, StringComparison.Ordinal);
    }

    private static string? Text(JsonElement line, string name) => line.GetProperty(name).GetString();
}
