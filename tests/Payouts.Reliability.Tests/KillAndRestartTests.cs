using System.Diagnostics;
using Payouts.Azurite;
using Xunit.Abstractions;

namespace Payouts.Reliability.Tests;

/// <summary>
/// The host is killed with SIGKILL in the middle of ingest and again in the middle of building statements, and a new
/// host takes over on the same storage. The partner resends everything it is unsure of (all of it). Afterwards every
/// record is stored once and counted in exactly one statement.
/// </summary>
public sealed class KillAndRestartTests(ITestOutputHelper output)
{
    private const string Period = "2026-09";
    private const int Creators = 10;
    private const int Batches = 40;
    private const int PerBatch = 250;

    [Fact]
    public async Task HostKilledMidIngestAndMidClose_EveryRecordStoredOnceAndCountedOnce()
    {
        await using var azurite = await AzuriteServer.StartAsync(new AzuriteOptions(), CancellationToken.None);
        var probe = new StorageProbe(azurite.ConnectionString);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var creators = Enumerable.Range(0, Creators).Select(i => $"kill-{runId}-{i}").ToList();
        var batches = PipelineClient.GiftBatches(runId, creators, Period, Batches, PerBatch);

        var host = await DevHostProcess.StartAsync(azurite.ConnectionString);
        var (firstAccepted, sentBeforeKill) = await SendUntilKilledAsync(host, batches, killAfter: 15);
        output.WriteLine($"ingest: host killed after {sentBeforeKill} of {Batches} batches answered; {firstAccepted} records accepted before the kill");

        host = await DevHostProcess.StartAsync(azurite.ConnectionString);
        using (var client = new PipelineClient(host.BaseAddress))
        {
            var resent = 0;
            foreach (var batch in batches)
            {
                var (status, accepted, duplicates) = await client.PostGiftsAsync(batch);
                Assert.Equal(200, status);
                Assert.Equal(PerBatch, accepted + duplicates);
                resent += accepted;
            }

            output.WriteLine($"ingest: after restart, resending all {Batches} batches accepted {resent} more records");
            Assert.Equal(Batches * PerBatch, await probe.CountGiftsAsync(creators, Period));
            await client.LoadReferenceDataAsync(creators);
            await client.AdminAsync(HttpMethod.Post, $"periods/{Period}/close");
        }

        await KillOnceStatementsAppearAsync(host, probe);
        await using var last = await DevHostProcess.StartAsync(azurite.ConnectionString);
        using var admin = new PipelineClient(last.BaseAddress);
        var reconciliation = await WaitForAllStatementsAsync(admin);

        var records = reconciliation.GetProperty("records");
        var statements = await probe.StatementsAsync(Period);
        output.WriteLine($"close: {statements.Count} statements; records stored {records.GetProperty("stored")}, counted {records.GetProperty("countedInThisPeriod")}, not yet counted {records.GetProperty("notYetCounted")}");
        Assert.Equal(Creators, statements.Count);
        Assert.Equal(Batches * PerBatch, records.GetProperty("stored").GetInt64());
        Assert.Equal(Batches * PerBatch, records.GetProperty("countedInThisPeriod").GetInt64());
        Assert.Equal(Batches * PerBatch, statements.Sum(s => s.GetInt32("RecordCount") ?? 0));
        Assert.Equal(creators.Order(), statements.Select(s => s.GetString("CreatorId")).Order());
    }

    /// <summary>Two clients send batches; after <paramref name="killAfter"/> answers the host is killed with requests in flight.</summary>
    private static async Task<(int Accepted, int Answered)> SendUntilKilledAsync(DevHostProcess host, List<string> batches, int killAfter)
    {
        using var client = new PipelineClient(host.BaseAddress);
        var answered = 0;
        var accepted = 0;
        var next = -1;
        var killed = new TaskCompletionSource();
        async Task SendAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count && !killed.Task.IsCompleted)
            {
                try
                {
                    var (_, ok, _) = await client.PostGiftsAsync(batches[index]);
                    Interlocked.Add(ref accepted, ok);
                    if (Interlocked.Increment(ref answered) == killAfter)
                    {
                        await host.KillAsync();
                        killed.TrySetResult();
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the host is gone
                }
            }
        }

        await Task.WhenAll(SendAsync(), SendAsync());
        Assert.True(killed.Task.IsCompleted, "the host was not killed mid-ingest");
        await host.DisposeAsync();
        return (accepted, answered);
    }

    private async Task KillOnceStatementsAppearAsync(DevHostProcess host, StorageProbe probe)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var issued = (await probe.StatementsAsync(Period)).Count;
            if (issued >= 1)
            {
                await host.KillAsync();
                output.WriteLine($"close: host killed with {issued} of {Creators} statements issued");
                await host.DisposeAsync();
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No statement was issued within 2 minutes of the close.");
    }

    private static async Task<System.Text.Json.JsonElement> WaitForAllStatementsAsync(PipelineClient admin)
    {
        var clock = Stopwatch.StartNew();
        System.Text.Json.JsonElement period = default;
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            period = await admin.AdminAsync(HttpMethod.Get, $"periods/{Period}");
            if (period.GetProperty("records").GetProperty("notYetCounted").GetInt64() == 0)
            {
                return period;
            }

            await Task.Delay(500);
        }

        return period;
    }
}
