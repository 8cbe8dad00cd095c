using Azure.Data.Tables;
using NodaTime;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Statements;

/// <summary>What the statement-jobs function does with a job it must not build now: an open period, or a creator another builder holds.</summary>
[Collection(StatementsCollection.Name)]
public sealed class StatementJobTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Theory]
    [InlineData("2027-06")]
    [InlineData("2027-05")]
    public async Task JobForAPeriodNotClosing_IsRefusedCompletedAndWritesNothing(string period)
    {
        var creator = Payloads.Unique("early");
        SetClock("2027-06-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");

        // 2027-06 is Open (it has a record); 2027-05 is unknown (no record ever reached it).
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "10.00").With("earnedAt", "2027-06-10T10:00:00Z")));

        await RunJobAsync(period, creator);

        var rows = await RowsAsync(TableNames.Statements, creator);
        Assert.DoesNotContain(rows, r => r.RowKey.StartsWith(period, StringComparison.Ordinal) || r.RowKey == "lease" || r.RowKey == "balance");
        Assert.Equal(0, await SettledAsync(creator, RecordKind.Deal, "2027-06"));
        Assert.Empty(await PayoutMessagesAsync(creator));
    }

    [Fact]
    public async Task JobForABusyCreator_CompletesAndRequeuesThatCreatorAlone_NeverPoison()
    {
        var busy = Payloads.Unique("busy");
        var free = Payloads.Unique("free");
        SetClock("2027-08-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        foreach (var creator in new[] { busy, free })
        {
            await PutCreatorAsync(creator, minimumPayout: "0.00");
            await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "10.00").With("earnedAt", "2027-07-10T10:00:00Z")));
        }

        Assert.Equal(200, (await ClosePeriodAsync("2027-07")).Status);
        await new Azure.Storage.Queues.QueueClient(App.ConnectionString, QueueNames.StatementJobs).ClearMessagesAsync();

        // Another builder holds the busy creator's lease.
        var lease = App.Options.StatementLease;
        await App.Tables.GetTableClient(TableNames.Statements).AddEntityAsync(
            new TableEntity(busy, "lease") { ["ExpiresAt"] = (Now + Duration.FromTimeSpan(lease)).ToDateTimeOffset() });

        await RunJobAsync("2027-07", busy, free);

        Assert.NotNull(await TypedHeaderAsync(free, "2027-07"));
        Assert.Null(await TypedHeaderAsync(busy, "2027-07"));
        Assert.Equal(1, await QueueDepthAsync(QueueNames.StatementJobs));
        Assert.Equal(0, await QueueDepthAsync(QueueNames.PoisonOf(QueueNames.StatementJobs)));

        // The other builder is gone (its lease expired): the re-queued job issues the statement, once.
        App.Time.Advance(lease + TimeSpan.FromSeconds(1));
        await Task.Delay(App.Options.BusyRetryDelay);
        Assert.Equal(0, await DrainStatementJobsAsync());
        Assert.Equal(1, (await TypedHeaderAsync(busy, "2027-07"))!.RecordCount);
        Assert.Single(await PayoutMessagesAsync(busy));
    }
}
