using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Payouts.Domain.Records;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Ingestion;

public sealed class IngestDealsQueue(QueueIngestHandler<DealRecord> handler)
{
    [Function(nameof(IngestDealsQueue))]
    public Task Run([QueueTrigger(QueueNames.DealsInbound)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(QueueNames.DealsInbound, message.Body.ToString(), message.MessageId, message.DequeueCount, cancellationToken);
}
