using Payouts.Functions.Tests.Infrastructure;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// Every accepted record is counted in exactly one issued statement, whatever repeats: the timer firing twice at once,
/// every statement job delivered twice and built concurrently, and records arriving after their period was closed.
/// Each test owns its months (2025) and sets the clock first.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class ExactlyOnceTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task TimerFiredTwiceAndJobsBuiltTwiceConcurrently_OneStatementPerCreatorEachRecordCountedOnce()
    {
        SetClock("2025-02-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        var creators = Enumerable.Range(0, 30).Select(i => Payloads.Unique($"twice{i}")).ToList();
        foreach (var creator in creators)
        {
            await PutCreatorAsync(creator, minimumPayout: "0.00");
            var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
                Payloads.Gift("a", creator, 100, 3, "2025-01-10T12:00:00Z"),
                Payloads.Gift("b", creator, 7, 11, "2025-01-20T12:00:00Z")));
            Assert.Equal(["accepted", "accepted"], response.Statuses);
        }

        await Task.WhenAll(RunCloseTimerAsync(), RunCloseTimerAsync());
        await DrainStatementJobsAsync(parallel: 2);

        foreach (var creator in creators)
        {
            var header = await HeaderAsync(creator, "2025-01");
            Assert.NotNull(header);
            Assert.Equal(2, header.GetInt32("RecordCount"));

            // 377 coins × 0.5 × 0.005 USD × 0.92 = 0.8671 → 0.87 EUR, less 20 % commission (0.174 → 0.17) = 0.70.
            Assert.Equal(70, header.GetInt64("NetMinor"));
            Assert.Equal(2, await SettledAsync(creator, RecordKind.Gift, "2025-01"));
            Assert.Single(await PayoutMessagesAsync(creator));
        }

        var period = (await GetPeriodAsync("2025-01")).Body;
        Assert.Equal("Closed", period.GetProperty("status").GetString());
        Assert.Equal(60, period.GetProperty("records").GetProperty("stored").GetInt64());
        Assert.Equal(60, period.GetProperty("records").GetProperty("countedInThisPeriod").GetInt64());
        Assert.Equal(0, period.GetProperty("records").GetProperty("notYetCounted").GetInt64());
        Assert.Equal(30, period.GetProperty("statements").GetProperty("issued").GetInt32());
    }

    [Fact]
    public async Task RecordArrivingAfterItsPeriodWasClosed_IsCountedOnceInTheNextStatementAsAnAdjustment()
    {
        var creator = Payloads.Unique("late");
        SetClock("2025-04-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("march", creator, "100.00").With("earnedAt", "2025-03-15T10:00:00Z")));
        Assert.Equal(200, (await ClosePeriodAsync("2025-03")).Status);
        await DrainStatementJobsAsync();

        // March is issued; now a March placement arrives (still in April).
        var late = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("march-late", creator, "40.00").With("earnedAt", "2025-03-30T10:00:00Z")));
        Assert.Equal(["accepted"], late.Statuses);
        SetClock("2025-05-05T12:00:00Z");
        Assert.Equal(200, (await ClosePeriodAsync("2025-04")).Status);
        await DrainStatementJobsAsync();

        var march = await HeaderAsync(creator, "2025-03");
        var april = await HeaderAsync(creator, "2025-04");
        Assert.Equal(1, march!.GetInt32("RecordCount"));
        Assert.Equal(8500, march.GetInt64("NetMinor"));
        Assert.Equal(1, april!.GetInt32("RecordCount"));
        Assert.Equal(3400, april.GetInt64("NetMinor"));
        var adjustment = Assert.Single(await StatementLinesAsync(creator, "2025-04"), l => l.GetString("OriginalPeriod") is not null);
        Assert.Equal("2025-03", adjustment.GetString("OriginalPeriod"));
        Assert.Equal("Deal", adjustment.GetString("Kind"));
        Assert.Equal(4000, adjustment.GetInt64("AmountMinor"));

        var reconciliation = (await GetPeriodAsync("2025-03")).Body.GetProperty("records");
        Assert.Equal(2, reconciliation.GetProperty("stored").GetInt64());
        Assert.Equal(1, reconciliation.GetProperty("countedInThisPeriod").GetInt64());
        Assert.Equal(1, reconciliation.GetProperty("countedLaterAsAdjustments").GetInt64());
        Assert.Equal(0, reconciliation.GetProperty("notYetCounted").GetInt64());
    }

    [Fact]
    public async Task SecondCloseOfAClosedPeriod_SendsNoJobsAndChangesNothing()
    {
        var creator = Payloads.Unique("again");
        SetClock("2025-07-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("june", creator, "10.00").With("earnedAt", "2025-06-15T10:00:00Z")));
        await ClosePeriodAsync("2025-06");
        await DrainStatementJobsAsync();
        var first = await HeaderAsync(creator, "2025-06");

        var again = await ClosePeriodAsync("2025-06");

        Assert.Equal("alreadyClosed", again.Body.GetProperty("result").GetString());
        Assert.Equal(0, await DrainStatementJobsAsync());
        Assert.Equal(first!.ETag, (await HeaderAsync(creator, "2025-06"))!.ETag);
        Assert.Single(await PayoutMessagesAsync(creator));
    }
}
