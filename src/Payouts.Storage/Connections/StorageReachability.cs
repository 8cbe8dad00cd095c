using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Connections;

/// <summary>
/// What a health probe asks of storage, with clients of its own: the platform asks again soon, so one quick retry and
/// a short network timeout, not the app's retries (25 s before a queue outage is told).
/// </summary>
public sealed class StorageReachability(StorageEndpoints endpoints)
{
    private readonly TableServiceClient _tables = endpoints.CreateTableServiceClient(Quick(new TableClientOptions()));
    private readonly QueueServiceClient _queues = endpoints.CreateQueueServiceClient(Quick(new QueueClientOptions()));

    /// <summary>Reads at most one row of the Periods table: returns when tables answer, throws the SDK's error when not.</summary>
    public async Task TablesAnswerAsync(CancellationToken ct)
    {
        await foreach (var _ in _tables.GetTableClient(TableNames.Periods).QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: ct).AsPages(pageSizeHint: 1))
        {
            break;
        }
    }

    /// <summary>The names of the account's queues, in one listing (the account holds this app's queues only).</summary>
    public async Task<IReadOnlySet<string>> QueueNamesAsync(CancellationToken ct)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var queue in _queues.GetQueuesAsync(cancellationToken: ct))
        {
            present.Add(queue.Name);
        }

        return present;
    }

    private static T Quick<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }
}
