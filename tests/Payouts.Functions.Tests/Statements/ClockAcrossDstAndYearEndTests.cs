using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// The clock moved across the end of summer time and across the year end, through the real functions: records on
/// either side of a local midnight land in the right period, the timer closes a period at its local end + grace and not
/// one second before (a UTC or summer-offset calendar would be an hour off), and each statement counts its own records.
/// Periods are cut in Europe/Paris (the default); this class owns 2027-10 … 2028-01.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class ClockAcrossDstAndYearEndTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task MonthEndingTheNightSummerTimeEnds_ClosesAtLocalMidnightPlusGrace_WithTheRightRecords()
    {
        var creator = Payloads.Unique("dst");
        await SetUpCreatorAsync(creator, clock: "2027-11-01T08:00:00Z");

        // Summer time ends 2027-10-31 at 01:00 UTC; October then ends at 2027-10-31T23:00Z (midnight CET).
        await PostDealsEitherSideAsync(creator, ("oct-last-hour", "10.00", "2027-10-31T22:30:00Z"), ("nov-first-hour", "1.00", "2027-10-31T23:30:00Z"));

        // Due at end + 2 days = 2027-11-02T23:00Z. With the summer offset it would be an hour earlier.
        await AssertNotDueASecondBeforeAsync("2027-10", "2027-11-02T23:00:00Z");
        await RunCloseTimerAsync();
        await DrainStatementJobsAsync();

        Assert.Equal("Closed", await StatusAsync("2027-10"));
        Assert.Equal("Open", await StatusAsync("2027-11"));
        var october = await HeaderAsync(creator, "2027-10");
        Assert.Equal(1, october!.GetInt32("RecordCount"));
        Assert.Equal(850, october.GetInt64("NetMinor")); // 10.00 less 15 % deal commission
        Assert.Null(await HeaderAsync(creator, "2027-11"));
        var november = (await GetPeriodAsync("2027-11")).Body.GetProperty("records");
        Assert.Equal(1, november.GetProperty("stored").GetInt64());
        Assert.Equal(1, november.GetProperty("notYetCounted").GetInt64());
    }

    [Fact]
    public async Task YearEnd_LastSecondOfDecemberAndFirstOfJanuary_GoToTheirOwnYearsStatements()
    {
        var creator = Payloads.Unique("newyear");
        await SetUpCreatorAsync(creator, clock: "2028-01-01T08:00:00Z");

        // Midnight CET on 1 January 2028 is 2027-12-31T23:00Z.
        await PostDealsEitherSideAsync(creator, ("dec-last-second", "20.00", "2027-12-31T22:59:59Z"), ("jan-first-second", "3.00", "2027-12-31T23:00:00Z"));

        await AssertNotDueASecondBeforeAsync("2027-12", "2028-01-02T23:00:00Z");
        await RunCloseTimerAsync();
        await DrainStatementJobsAsync();

        var december = await HeaderAsync(creator, "2027-12");
        Assert.Equal(1, december!.GetInt32("RecordCount"));
        Assert.Equal(1700, december.GetInt64("NetMinor"));
        Assert.Equal("Open", await StatusAsync("2028-01"));

        // A month later January closes on its own, counting the first-second record once.
        SetClock("2028-02-02T23:00:00Z");
        await RunCloseTimerAsync();
        await DrainStatementJobsAsync();
        var january = await HeaderAsync(creator, "2028-01");
        Assert.Equal(1, january!.GetInt32("RecordCount"));
        Assert.Equal(255, january.GetInt64("NetMinor"));
        var reconciliation = (await GetPeriodAsync("2028-01")).Body.GetProperty("records");
        Assert.Equal(1, reconciliation.GetProperty("countedInThisPeriod").GetInt64());
        Assert.Equal(0, reconciliation.GetProperty("notYetCounted").GetInt64());
    }

    private async Task SetUpCreatorAsync(string creator, string clock)
    {
        SetClock(clock);
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
    }

    private async Task PostDealsEitherSideAsync(string creator, params (string RecordId, string Amount, string EarnedAt)[] deals)
    {
        var records = deals.Select(d => (System.Text.Json.Nodes.JsonNode)Payloads.Deal(d.RecordId, creator, d.Amount).With("earnedAt", d.EarnedAt)).ToArray();
        var posted = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, records));
        Assert.Equal(Enumerable.Repeat("accepted", deals.Length), posted.Statuses);
    }

    /// <summary>A second before <paramref name="dueAt"/> the period cannot be closed, and the timer leaves it open; then the clock reaches it.</summary>
    private async Task AssertNotDueASecondBeforeAsync(string period, string dueAt)
    {
        SetClock(DateTimeOffset.Parse(dueAt, System.Globalization.CultureInfo.InvariantCulture).AddSeconds(-1).ToString("O"));
        Assert.Equal(409, (await ClosePeriodAsync(period)).Status);
        await RunCloseTimerAsync();
        Assert.Equal("Open", await StatusAsync(period));
        SetClock(dueAt);
    }

    private async Task<string?> StatusAsync(string period) =>
        (await GetPeriodAsync(period)).Body.GetProperty("status").GetString();
}
