using Azure.Data.Tables;
using Azure.Storage.Queues;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Configuration;

/// <summary>Creates the tables and queues if they are missing (idempotent; in Azure the template already made them).</summary>
public sealed class StorageInitializer(TableServiceClient tables, QueueServiceClient queues, Statements.StatementDocuments documents)
{
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var table in TableNames.All)
        {
            await tables.CreateTableIfNotExistsAsync(table, ct);
        }

        foreach (var queue in QueueNames.All)
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: ct);
            await queues.GetQueueClient(QueueNames.PoisonOf(queue)).CreateIfNotExistsAsync(cancellationToken: ct);
        }

        await documents.EnsureContainerAsync(ct);
    }
}
