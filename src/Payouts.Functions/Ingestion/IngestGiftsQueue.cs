using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Payouts.Domain.Records;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Ingestion;

public sealed class IngestGiftsQueue(QueueIngestHandler<GiftRecord> handler)
{
    [Function(nameof(IngestGiftsQueue))]
    public Task Run([QueueTrigger(QueueNames.GiftsInbound)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(QueueNames.GiftsInbound, message.Body.ToString(), message.MessageId, message.DequeueCount, cancellationToken);
}
