using System.Diagnostics;
using Azure.Data.Tables;
using Payouts.Load.Workloads;
using Payouts.Storage.Tables;

namespace Payouts.Load.Baselines;

/// <summary>
/// The read ceiling for a close: every stored gift row of the closed period read back, partition by partition
/// (one per creator), 16 partitions in parallel, full rows as a statement reads them.
/// </summary>
internal static class RawPartitionScan
{
    public const int Parallelism = 16;

    public static async Task<(TimeSpan Elapsed, long Rows)> RunAsync(TableServiceClient tables, int creators, CancellationToken ct)
    {
        var gifts = tables.GetTableClient(TableNames.Gifts);
        long rows = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, creators, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (c, token) =>
        {
            var count = 0;
            await foreach (var _ in gifts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CloseDataset.PartitionOf(c)}"), cancellationToken: token))
            {
                count++;
            }

            Interlocked.Add(ref rows, count);
        });
        return (Stopwatch.GetElapsedTime(started), rows);
    }
}
