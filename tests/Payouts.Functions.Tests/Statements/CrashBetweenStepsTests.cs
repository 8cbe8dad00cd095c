using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A builder that dies between any two steps of a build, before or after the commit and between the emit steps,
/// leaves nothing a retry cannot finish: one statement, each record counted once, one payout message, one index row.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class CrashBetweenStepsTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Theory]
    [InlineData(BuildStep.LeaseAcquired, 2040)]
    [InlineData(BuildStep.InputsRead, 2041)]
    [InlineData(BuildStep.Computed, 2042)]
    [InlineData(BuildStep.LinesWritten, 2043)]
    [InlineData(BuildStep.DocumentsWritten, 2044)]
    [InlineData(BuildStep.Committed, 2045)]
    [InlineData(BuildStep.Indexed, 2046)]
    [InlineData(BuildStep.OutboxWritten, 2047)]
    [InlineData(BuildStep.Emitted, 2048)]
    public async Task BuilderCrashedAtAStep_RetryIssuesOnceCountsOnceEmitsOnce(BuildStep crashAt, int year)
    {
        var creator = Payloads.Unique("crash");
        SetClock($"{year}-02-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("a", creator, "10.00").With("earnedAt", $"{year}-01-10T10:00:00Z"),
            Payloads.Deal("b", creator, "20.00").With("earnedAt", $"{year}-01-11T10:00:00Z")));
        App.Probe.CrashAt(creator, crashAt);

        Assert.Equal(200, (await ClosePeriodAsync($"{year}-01")).Status);
        Assert.Equal(1, await DrainStatementJobsAsync());
        await RunWebhookTimerAsync();

        var header = await TypedHeaderAsync(creator, $"{year}-01");
        Assert.NotNull(header);
        Assert.Equal(2, header.RecordCount);
        Assert.Equal(3000 - 450, header.Totals.Net);
        Assert.Equal(2, await SettledAsync(creator, RecordKind.Deal, $"{year}-01"));
        var message = Assert.Single(await PayoutMessagesAsync(creator));
        Assert.Equal(header.Id.ToString(), message.GetProperty("statementId").GetString());
        Assert.Single(await RowsAsync(TableNames.StatementsByPeriod, $"{year}-01"), r => r.GetString("CreatorId") == creator);
        Assert.Contains(await RowsAsync(TableNames.Statements, creator), r => r.RowKey == $"{year}-01|v001|emitted");
        var records = (await GetPeriodAsync($"{year}-01")).Body.GetProperty("records");
        Assert.Equal(2, records.GetProperty("stored").GetInt64());
        Assert.Equal(2, records.GetProperty("countedInThisPeriod").GetInt64());
        Assert.Equal(0, records.GetProperty("notYetCounted").GetInt64());
    }
}
