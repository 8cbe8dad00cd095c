using Azure.Data.Tables;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// An admin reissues a creator's latest statement with a reason: v2 from the same records with today's reference data,
/// v1 superseded (its header and documents unchanged), a line-by-line diff, a payout message naming what it supersedes
/// and the payable difference, and the balance chain continuing from v2. An older statement cannot be reissued.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class ReissueTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task Reissue_AfterARateCorrection_IssuesV2FromTheSameRecords_SupersedesV1_AndTheChainContinuesFromV2()
    {
        var creator = Payloads.Unique("reissue");
        SetClock("2036-02-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "1000.00");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10_000, 10, "2036-01-20T20:00:00Z")));
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "100.00").With("earnedAt", "2036-01-21T10:00:00Z")));
        await ClosePeriodAsync("2036-01");
        await DrainStatementJobsAsync();
        Assert.Single(await PayoutMessagesAsync(creator));
        var v1Row = await HeaderAsync(creator, "2036-01");
        var v1 = (await TypedHeaderAsync(creator, "2036-01"))!;
        var v1Json = (await GetStatementAsync(v1.Id.ToString())).Text;

        // USD→EUR was published as 0.92 for January by mistake: 0.90 from the 10th, forced with a reason. Rates are
        // global in this collection: every period from 2036 on now converts at 0.90 (other tests there use EUR only).
        await PutRateForcedAsync("fx", "USD/EUR", "0.90", "fx-usd-eur-2036-01-fix", "2036-01-10", "published 0.92 by mistake");
        var reissued = await ReissueAsync(v1.Id.ToString(), "USD→EUR corrected to 0.90");

        Assert.Equal(200, reissued.Status);
        var v2Id = $"{creator}~2036-01~v2";
        Assert.Equal(v2Id, reissued.Body.GetProperty("statementId").GetString());

        // 100,000 coins × 0.5 × 0.005 USD = 250 USD: × 0.92 = 230.00 EUR before, × 0.90 = 225.00 EUR now.
        var v2Json = (await GetStatementAsync(v2Id)).Body;
        Assert.Equal(1, v2Json.GetProperty("supersedes").GetInt32());
        Assert.Equal("USD→EUR corrected to 0.90", v2Json.GetProperty("correctionReason").GetString());
        var gifts = v2Json.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "gifts");
        Assert.Equal("230.00", gifts.GetProperty("before").GetString());
        Assert.Equal("225.00", gifts.GetProperty("after").GetString());
        Assert.Equal("-5.00", gifts.GetProperty("difference").GetString());
        // The CSV says the same, cell by cell: the gifts and the agency's 20 % of them.
        var csv = (await GetStatementAsync(v2Id, "text/csv")).Text;
        Assert.Equal(
            [("Gifts (rates from 2025-01-01)", "230.00", "225.00", "-5.00"), ("Agency commission, gifts 20 %", "-46.00", "-45.00", "1.00")],
            CsvRows.Named(csv, "changed").Select(r => (r[0], r[1], r[2], r[3])));
        Assert.Equal([["v1"]], CsvRows.Named(csv, "supersedes"));
        Assert.Equal([["0.00"]], CsvRows.Named(csv, "payableDifference"));
        Assert.Contains("What changed from version 1", (await GetStatementAsync(v2Id, "text/html")).Text, StringComparison.Ordinal);

        // v1 is superseded and unchanged; the payment system hears of v2 with what it supersedes.
        Assert.Equal(v1Row!.ETag, (await HeaderAsync(creator, "2036-01"))!.ETag);
        Assert.Equal(v1Json, (await GetStatementAsync(v1.Id.ToString())).Text);
        var listed = (await ListStatementsAsync(creator)).Body.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(["Superseded", "CarriedForward"], listed.Select(s => s.GetProperty("status").GetString()));
        var message = Assert.Single(await PayoutMessagesAsync(creator));
        Assert.Equal("statement.reissued", message.GetProperty("event").GetString());
        Assert.Equal(1, message.GetProperty("supersedes").GetInt32());
        Assert.Equal(2, message.GetProperty("version").GetInt32());

        // The balance chain continues from v2: February brings forward v2's carried balance.
        var v2 = (await TypedHeaderAsync(creator, "2036-01", version: 2))!;
        // Gifts −5.00, and the agency's 20 % of them +1.00: v2 carries 4.00 less.
        Assert.Equal(v1.Totals.CarriedForward - 500 + 100, v2.Totals.CarriedForward);
        Assert.Equal(0, v2.PayableDifference);
        SetClock("2036-03-10T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("feb", creator, "10.00").With("earnedAt", "2036-02-15T10:00:00Z")));
        await ClosePeriodAsync("2036-02");
        await DrainStatementJobsAsync();
        Assert.Equal(v2.Totals.CarriedForward, (await TypedHeaderAsync(creator, "2036-02"))!.Totals.BroughtForward);

        // January's reconciliation counts its current version only.
        var january = (await GetPeriodAsync("2036-01")).Body;
        Assert.Equal(2, january.GetProperty("records").GetProperty("countedInThisPeriod").GetInt64());
        Assert.Equal(0, january.GetProperty("records").GetProperty("notYetCounted").GetInt64());
    }

    [Fact]
    public async Task Reissue_OverAStoredRecordEditedByHand_IsABlockedConflictWithTheReason_AndChangesNothing()
    {
        var creator = Payloads.Unique("rebad");
        SetClock("2068-12-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1000, 2, "2068-11-10T12:00:00Z")));
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "10.00").With("earnedAt", "2068-11-11T10:00:00Z")));
        await ClosePeriodAsync("2068-11");
        await DrainStatementJobsAsync();
        Assert.Single(await PayoutMessagesAsync(creator));

        // After v1 was issued, its gift row loses its coins column (edited by hand).
        var gift = Assert.Single(await RowsAsync(TableNames.Gifts, $"{creator}|2068-11"));
        gift.Remove("CoinsPerGift");
        await App.Tables.GetTableClient(TableNames.Gifts).UpdateEntityAsync(gift, gift.ETag, TableUpdateMode.Replace);
        var before = await SnapshotAsync(creator, "2068-11");

        var refused = await ReissueAsync($"{creator}~2068-11~v1", "rates corrected");

        Assert.Equal(409, refused.Status);
        Assert.Equal("urn:payouts:problem:reissue-blocked", refused.Body.GetProperty("type").GetString());
        Assert.Contains("CoinsPerGift", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(creator, "2068-11"));
        Assert.Empty(await PayoutMessagesAsync(creator));
        Assert.DoesNotContain(await OutboxAsync(), e => e.GetProperty("subjectId").GetString()!.StartsWith(creator, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reissue_OfAStatementThatIsNotTheLatest_IsAConflictThatSaysWhy()
    {
        var creator = Payloads.Unique("reold");
        SetClock("2037-02-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("jan", creator, "10.00").With("earnedAt", "2037-01-10T10:00:00Z")));
        await ClosePeriodAsync("2037-01");
        await DrainStatementJobsAsync();
        SetClock("2037-03-10T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("feb", creator, "10.00").With("earnedAt", "2037-02-10T10:00:00Z")));
        await ClosePeriodAsync("2037-02");
        await DrainStatementJobsAsync();

        var older = await ReissueAsync($"{creator}~2037-01~v1", "typo");

        Assert.Equal(409, older.Status);
        Assert.Contains($"{creator}~2037-02~v1", older.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await TypedHeaderAsync(creator, "2037-01", version: 2));
        Assert.Equal(404, (await ReissueAsync($"{creator}~2037-05~v1", "nothing there")).Status);
        Assert.Equal(400, (await ReissueAsync($"{creator}~2037-02~v1", " ")).Status);
        Assert.Equal(400, (await ReissueAsync("not-an-id", "reason")).Status);
    }

    /// <summary>Every row of the creator's statements partition and of the period's index, with its ETag: what a refused reissue must leave alone.</summary>
    private async Task<List<string>> SnapshotAsync(string creator, string period) =>
        [.. (await RowsAsync(TableNames.Statements, creator)).Concat(await RowsAsync(TableNames.StatementsByPeriod, period))
            .Select(r => $"{r.PartitionKey}/{r.RowKey}@{r.ETag}").Order(StringComparer.Ordinal)];
}
