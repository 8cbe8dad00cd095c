using System.Text;
using Microsoft.Extensions.Logging;
using Payouts.Domain.Records.Wire;
using Payouts.Application.Observability;
using Payouts.Application.Statements;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// One queue message → stored records. Nothing is dropped silently: an unreadable message and every invalid record
/// (text that is not UTF-8 included) go to the IngestRejected table with the reason and the raw text (sender ids
/// hashed), and the message completes. Storage failures
/// throw, so the host retries and finally moves the message to the poison queue.
/// </summary>
public sealed partial class QueueIngestHandler<TRecord>(
    RecordBatchIngestion<TRecord> ingestion,
    IngestRejectedStore rejectedStore,
    RecordKind kind,
    PayoutsMetrics metrics,
    ILogger<QueueIngestHandler<TRecord>> logger)
    where TRecord : class
{
    /// <summary>Azure Storage queue messages are at most 64 KiB.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    public async Task<IngestBatchResult?> HandleAsync(string queue, string message, string? messageId, long dequeueCount, CancellationToken ct)
    {
        var body = QueueMessageText.Decode(message);

        // A base64 message is kept decoded, so the store can find and hash the sender ids in it.
        RejectedRecord Whole(string reason) =>
            new(IngestSource.Queue, queue, kind, null, null, reason, body is null ? message : Encoding.UTF8.GetString(body), messageId, dequeueCount);

        if (body is null)
        {
            await RejectWholeAsync(queue, Whole("The message is neither JSON nor base64-encoded JSON."), ct);
            return null;
        }

        if (body.Length > MaxMessageBytes)
        {
            await RejectWholeAsync(queue, Whole($"The message is larger than {MaxMessageBytes} bytes."), ct);
            return null;
        }

        var parsed = IngestEnvelopeParser.Parse(body, EnvelopeFormat.Json);
        if (parsed.Envelope is not { } envelope)
        {
            await RejectWholeAsync(queue, Whole(parsed.Problem!), ct);
            return null;
        }

        using (envelope)
        {
            var partnerId = envelope.PartnerId!;
            var (result, reads) = await ingestion.IngestAsync(envelope, partnerId, IngestSource.Queue, ct);
            var rejected = result.Results
                .Where(r => r.Status == RecordStatus.Rejected)
                .Select(r => new RejectedRecord(
                    IngestSource.Queue,
                    queue,
                    kind,
                    partnerId,
                    r.RecordId,
                    r.Reason,
                    JsonText.RawText(envelope.Records[r.Index]),
                    messageId is null ? null : $"{messageId}-{r.Index}",
                    dequeueCount))
                .ToList();
            if (rejected.Count > 0)
            {
                await rejectedStore.AddAsync(rejected, ct);
            }

            return result;
        }
    }

    private async Task RejectWholeAsync(string queue, RejectedRecord rejected, CancellationToken ct)
    {
        await rejectedStore.AddAsync([rejected], ct);
        metrics.MessageRejected(queue);
        LogUnreadable(logger, queue, rejected.MessageId, rejected.Reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} on {Queue} could not be read and was kept in IngestRejected: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string queue, string? messageId, string reason);
}
