using Payouts.Functions.Tests.Infrastructure;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A record of a period that is already closing or closed is counted by the first statement of its creator built
/// after it arrived, as an adjustment naming its own period, never a period later; and a creator never gets a
/// statement for a period earlier than one already issued to them.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class LateRecordTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task RecordOfAClosedPeriodArrivingInTheNextPeriodsGrace_IsCountedByTheNextPeriodsStatement()
    {
        var creator = Payloads.Unique("grace");
        SetClock("2028-04-05T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("march", creator, "100.00").With("earnedAt", "2028-03-10T10:00:00Z")));
        await RunCloseTimerAsync();
        await DrainStatementJobsAsync();
        Assert.NotNull(await TypedHeaderAsync(creator, "2028-03"));

        // April has ended and is inside its grace; the wall clock's period is May. A March record arrives. The creator
        // has nothing else in April.
        SetClock("2028-05-01T12:00:00Z");
        var late = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("march-late", creator, "50.00").With("earnedAt", "2028-03-20T10:00:00Z")));
        Assert.Equal(["accepted"], late.Statuses);

        SetClock("2028-05-03T00:00:00Z");
        await RunCloseTimerAsync();
        await DrainStatementJobsAsync();

        var april = await TypedHeaderAsync(creator, "2028-04");
        Assert.NotNull(april);
        Assert.Equal(1, april.RecordCount);
        Assert.Equal(5000 - 750, april.Totals.Net);
        var adjustment = Assert.Single(await StatementLinesAsync(creator, "2028-04"), l => l.GetString("OriginalPeriod") is not null);
        Assert.Equal("2028-03", adjustment.GetString("OriginalPeriod"));
        Assert.Equal(2, await SettledAsync(creator, RecordKind.Deal, "2028-03"));

        // May's close later finds nothing of March left to count.
        SetClock("2028-06-03T00:00:00Z");
        await RunCloseTimerAsync();
        await DrainStatementJobsAsync();
        Assert.Null(await TypedHeaderAsync(creator, "2028-05"));
    }

    [Fact]
    public async Task BackfillOfAMonthNeverOpened_GetsNoStatementOfItsOwn_AndIsAdjustedInTheNextOne()
    {
        var creator = Payloads.Unique("backfill");
        SetClock("2028-10-05T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("sept", creator, "100.00").With("earnedAt", "2028-09-10T10:00:00Z")));
        Assert.Equal(200, (await ClosePeriodAsync("2028-09")).Status);
        await DrainStatementJobsAsync();
        Assert.NotNull(await TypedHeaderAsync(creator, "2028-09"));

        // A partner backfills May, a month no record ever reached; the timer then closes it (it is long due).
        var backfill = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("july", creator, "30.00").With("earnedAt", "2028-07-10T10:00:00Z")));
        Assert.Equal(["accepted"], backfill.Statuses);
        Assert.Equal(200, (await ClosePeriodAsync("2028-07")).Status);
        await DrainStatementJobsAsync();
        Assert.Null(await TypedHeaderAsync(creator, "2028-07"));

        SetClock("2028-11-05T12:00:00Z");
        Assert.Equal(200, (await ClosePeriodAsync("2028-10")).Status);
        await DrainStatementJobsAsync();
        var october = await TypedHeaderAsync(creator, "2028-10");
        Assert.NotNull(october);
        Assert.Equal(1, october.RecordCount);
        Assert.Equal("2028-07", Assert.Single(await StatementLinesAsync(creator, "2028-10"), l => l.GetString("OriginalPeriod") is not null).GetString("OriginalPeriod"));

        var july = (await GetPeriodAsync("2028-07")).Body.GetProperty("records");
        Assert.Equal(1, july.GetProperty("stored").GetInt64());
        Assert.Equal(1, july.GetProperty("countedLaterAsAdjustments").GetInt64());
        Assert.Equal(0, july.GetProperty("notYetCounted").GetInt64());
    }

    [Fact]
    public async Task RecordArrivingDuringABuild_IsNotInThatStatement_AndIsCountedByTheNext()
    {
        var creator = Payloads.Unique("during");
        SetClock("2028-12-05T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("nov", creator, "100.00").With("earnedAt", "2028-11-10T10:00:00Z")));

        // While September's statement is being computed, another September record arrives.
        App.Probe.Arm(creator, Payouts.Application.Statements.BuildStep.Computed, async (_, _) =>
        {
            var during = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("nov-during", creator, "20.00").With("earnedAt", "2028-11-25T10:00:00Z")));
            Assert.Equal(["accepted"], during.Statuses);
        });
        Assert.Equal(200, (await ClosePeriodAsync("2028-11")).Status);
        await DrainStatementJobsAsync();
        Assert.Equal(1, (await TypedHeaderAsync(creator, "2028-11"))!.RecordCount);

        SetClock("2029-01-05T12:00:00Z");
        Assert.Equal(200, (await ClosePeriodAsync("2028-12")).Status);
        await DrainStatementJobsAsync();
        var december = await TypedHeaderAsync(creator, "2028-12");
        Assert.Equal(1, december!.RecordCount);
        Assert.Equal(2000 - 300, december.Totals.Net);
    }
}
