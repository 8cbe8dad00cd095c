using System.Text.Json.Nodes;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A blocked statement whose every record is voided is no longer blocked: it is issued with no lines (settling the
/// record and its void, which cancel out), and the creator's next statement is built on it, the job ending.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class NothingLeftToStateTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task VoidingEveryRecordOfABlockedStatement_Unblocks_AndTheNextPeriodIsIssued()
    {
        var creator = Payloads.Unique("allvoid");
        SetClock("2063-02-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("sek", creator, "100.00", "SEK").With("earnedAt", "2063-01-15T10:00:00Z")));
        await ClosePeriodAsync("2063-01");
        await DrainStatementJobsAsync();
        Assert.Contains(await RowsAsync(TableNames.Statements, creator), r => r.RowKey == "2063-01|blocked");

        var voided = await PostAdminAsync<VoidRecordHttp>(new JsonObject { ["reason"] = "sent in a currency we cannot pay" }.ToJsonString(),
            (f, r) => f.Run(r, "deals", PayoutsAppFixture.Partner, Payloads.RecordId(creator, "sek"), CancellationToken.None));
        Assert.Equal(200, voided.Status);
        await DrainStatementJobsAsync();

        var january = await TypedHeaderAsync(creator, "2063-01");
        Assert.NotNull(january);
        Assert.Equal((0, 0L), (january.LineCount, january.Totals.Net));
        Assert.Contains(january.Settled, range => range.StartsWith("d|2063-01|", StringComparison.Ordinal));
        Assert.DoesNotContain(await RowsAsync(TableNames.Statements, creator), r => r.RowKey.EndsWith("|blocked", StringComparison.Ordinal));
        Assert.DoesNotContain((await GetPeriodAsync("2063-01")).Body.GetProperty("blocked").EnumerateArray(), b => b.GetProperty("creatorId").GetString() == creator);

        // February: a new deal. Its statement is issued after January's, and the job ends.
        SetClock("2063-03-10T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("eur", creator, "50.00").With("earnedAt", "2063-02-10T10:00:00Z")));
        await ClosePeriodAsync("2063-02");
        Assert.Equal(0, await DrainStatementJobsAsync());

        var february = await TypedHeaderAsync(creator, "2063-02");
        Assert.NotNull(february);
        Assert.Equal(5000 - 750, february.Totals.Net);
        Assert.DoesNotContain(february.Settled, range => range.Contains("2063-01", StringComparison.Ordinal));
    }
}
