using System.Net;
using System.Net.Sockets;
using Payouts.Azurite;
using Xunit.Abstractions;

namespace Payouts.Reliability.Tests;

/// <summary>
/// Storage goes away mid-run (Azurite stopped) and comes back on the same endpoints with its data (stopped cleanly: a
/// killed Azurite loses recent writes, which real storage never does, so that would test Azurite). While it is away
/// the host answers 503 problems (never a 500, never a hang); once it is back the partner's resends complete the set.
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const string Period = "2026-08";

    [Fact]
    public async Task AzuriteStoppedAndRestartedMidIngest_OutageIs503_ResendsCompleteTheSetExactly()
    {
        var data = Directory.CreateTempSubdirectory("payouts-outage-").FullName;
        var options = new AzuriteOptions { DataDirectory = data, Ports = (FreePort(), FreePort(), FreePort()) };
        var azurite = await AzuriteServer.StartAsync(options, CancellationToken.None);
        var connection = azurite.ConnectionString;
        var runId = Guid.NewGuid().ToString("N")[..8];
        var creators = Enumerable.Range(0, 4).Select(i => $"outage-{runId}-{i}").ToList();
        var batches = PipelineClient.GiftBatches(runId, creators, Period, batches: 12, perBatch: 100);
        try
        {
            await using var host = await DevHostProcess.StartAsync(connection);
            using var client = new PipelineClient(host.BaseAddress);
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(200, (await client.PostGiftsAsync(batches[i])).Status);
            }

            await azurite.StopAsync(TimeSpan.FromSeconds(15));
            var during = new List<int>();
            for (var i = 4; i < 8; i++)
            {
                during.Add((await client.PostGiftsAsync(batches[i])).Status);
            }

            output.WriteLine($"outage: statuses while storage was down: {string.Join(", ", during)}");
            Assert.All(during, status => Assert.Equal(503, status));

            azurite = await AzuriteServer.StartAsync(options, CancellationToken.None);
            Assert.Equal(connection, azurite.ConnectionString);
            var accepted = 0;
            foreach (var batch in batches)
            {
                var (status, ok, duplicates) = await client.PostGiftsAsync(batch);
                Assert.True(status == 200, $"HTTP {status} after storage came back; host log:\n{host.RecentLog}");
                Assert.Equal(100, ok + duplicates);
                accepted += ok;
            }

            var stored = await new StorageProbe(connection).CountGiftsAsync(creators, Period);
            output.WriteLine($"outage: after restart, resends accepted {accepted} records; stored {stored} of {batches.Count * 100}");
            Assert.Equal(batches.Count * 100, stored);
            Assert.Equal(800, accepted);
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
