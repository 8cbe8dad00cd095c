using System.Text.Json.Nodes;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A blocked statement whose every record is voided has nothing left to state: it is no longer blocked, and the
/// creator's next statement is built (the voided rows count there, and net to nothing) instead of waiting for it.
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

        Assert.Null(await HeaderAsync(creator, "2063-01"));
        Assert.DoesNotContain(await RowsAsync(TableNames.Statements, creator), r => r.RowKey.EndsWith("|blocked", StringComparison.Ordinal));
        Assert.DoesNotContain((await GetPeriodAsync("2063-01")).Body.GetProperty("blocked").EnumerateArray(), b => b.GetProperty("creatorId").GetString() == creator);

        // February: a new deal. Its statement is issued (January's voided pair, read with it, adds nothing), and the
        // job ends: January is not visited again and again under the lease.
        SetClock("2063-03-10T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("eur", creator, "50.00").With("earnedAt", "2063-02-10T10:00:00Z")));
        await ClosePeriodAsync("2063-02");
        Assert.Equal(0, await DrainStatementJobsAsync());

        var february = await TypedHeaderAsync(creator, "2063-02");
        Assert.NotNull(february);
        Assert.Equal(5000 - 750, february.Totals.Net);
        Assert.Contains(february.Settled, range => range.Contains("2063-01", StringComparison.Ordinal));
    }
}
