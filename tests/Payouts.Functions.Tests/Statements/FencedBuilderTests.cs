using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Domain.Periods;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A builder paused past its lease (a frozen instance) while a second builder issues the statement writes nothing that
/// counts: the issued header, lines and documents stay byte for byte as issued, and records that arrived meanwhile are
/// counted by the creator's next statement.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class FencedBuilderTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Theory]
    [InlineData(BuildStep.InputsRead, 2030)]
    [InlineData(BuildStep.Computed, 2031)]
    [InlineData(BuildStep.LinesWritten, 2032)]
    [InlineData(BuildStep.DocumentsWritten, 2033)]
    public async Task BuilderPausedPastItsLease_WhileAnotherIssues_ChangesNothingAndLateRecordsCountNext(BuildStep pausedAt, int year)
    {
        // Periods are global: each case owns its year.
        string At(string monthAndRest) => $"{year}-{monthAndRest}";
        var creator = Payloads.Unique("stale");
        SetClock(At("03-10T12:00:00Z"));
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("first", creator, "100.00").With("earnedAt", At("02-10T10:00:00Z"))));
        Assert.Equal(200, (await ClosePeriodAsync(At("02"))).Status);
        await DropPendingJobsAsync();

        var paused = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        App.Probe.Arm(creator, pausedAt, async (_, _) =>
        {
            paused.SetResult();
            await release.Task;
        });
        var builder = App.Services.GetRequiredService<StatementBuilder>();
        var stale = Task.Run(() => builder.BuildAsync(creator, PeriodKey.Parse(At("02")), CancellationToken.None));
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The frozen builder's lease runs out; a second builder takes over and issues the statement.
        App.Time.Advance(TimeSpan.FromMinutes(6));
        var second = await builder.BuildAsync(creator, PeriodKey.Parse(At("02")), CancellationToken.None);
        Assert.Equal(BuildResult.Issued, second.Result);
        var issued = await SnapshotAsync(creator, At("02"));

        // A record of the same month arrives while the first builder is still frozen.
        var late = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("late", creator, "40.00").With("earnedAt", At("02-20T10:00:00Z"))));
        Assert.Equal(["accepted"], late.Statuses);

        release.SetResult();
        var outcome = await stale;

        Assert.Equal(BuildResult.LeaseLost, outcome.Result);
        var after = await SnapshotAsync(creator, At("02"));
        Assert.Equal(issued.HeaderETag, after.HeaderETag);
        Assert.Equal(issued.Lines, after.Lines);
        Assert.Equal(issued.Documents, after.Documents);
        Assert.Equal(1, (await TypedHeaderAsync(creator, At("02")))!.RecordCount);

        // The record that arrived meanwhile is counted once, by the next statement, as an adjustment naming February.
        SetClock(At("04-05T12:00:00Z"));
        Assert.Equal("closed", (await ClosePeriodAsync(At("03"))).Body.GetProperty("result").GetString());
        await DrainStatementJobsAsync();
        var march = await TypedHeaderAsync(creator, At("03"));
        Assert.Equal(1, march!.RecordCount);
        Assert.Equal(4000 - 600, march.Totals.Net);
        Assert.Equal(2, await SettledAsync(creator, RecordKind.Deal, At("02")));
        var august = (await GetPeriodAsync(At("02"))).Body.GetProperty("records");
        Assert.Equal(2, august.GetProperty("stored").GetInt64());
        Assert.Equal(1, august.GetProperty("countedInThisPeriod").GetInt64());
        Assert.Equal(1, august.GetProperty("countedLaterAsAdjustments").GetInt64());
        Assert.Equal(0, august.GetProperty("notYetCounted").GetInt64());
    }

    /// <summary>The close sent a job for this creator: take it out, so only the test's two builders build (tests of this collection run one at a time).</summary>
    private async Task DropPendingJobsAsync()
    {
        var queue = new Azure.Storage.Queues.QueueClient(App.ConnectionString, QueueNames.StatementJobs);
        await queue.ClearMessagesAsync();
    }

    private async Task<Snapshot> SnapshotAsync(string creatorId, string period)
    {
        var header = await HeaderAsync(creatorId, period);
        var typed = await TypedHeaderAsync(creatorId, period);
        var lines = (await RowsAsync(TableNames.Statements, creatorId))
            .Where(r => r.RowKey.StartsWith($"{period}|v001|b{typed!.BuildId}|L", StringComparison.Ordinal))
            .Select(r => $"{r.RowKey}:{r.ETag}:{r.GetInt64("AmountMinor")}")
            .ToList();
        var container = new BlobContainerClient(App.ConnectionString, StatementDocuments.Container);
        var documents = new List<string>();
        foreach (var format in StatementDocuments.ContentTypes.Keys)
        {
            var blob = container.GetBlobClient($"{typed!.BlobPrefix}.{format}");
            var content = (await blob.DownloadContentAsync()).Value;
            documents.Add($"{format}:{content.Details.ETag}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content.Content.ToArray()))}");
        }

        return new Snapshot(header!.ETag.ToString(), lines, documents);
    }

    private sealed record Snapshot(string HeaderETag, List<string> Lines, List<string> Documents);
}
