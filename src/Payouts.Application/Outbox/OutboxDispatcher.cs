using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Application.Observability;

namespace Payouts.Application.Outbox;

/// <summary>
/// Delivers outbox entries: payout messages to the payment system's queue, webhooks to agencies. Each attempt first
/// claims the entry (its next attempt moves out by the backoff), so concurrent dispatchers never send it twice and a
/// dispatcher that dies mid-send leaves it due again later. An entry is marked delivered only once the target took it
/// (a queue insert, or a 2xx); receivers dedupe on the delivery id.
/// </summary>
public sealed partial class OutboxDispatcher(IOutboxStore outbox, IOutboxTransport transport, IClock clock, PayoutsMetrics metrics, ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 50;
    private static readonly Duration MaxBackoff = Duration.FromHours(6);

    /// <summary>Every due entry, up to a batch (the timer, every minute).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var due = await outbox.DueAsync(now, BatchSize, ct);
        var oldest = due.Select(e => e.CreatedAt).DefaultIfEmpty(now).Min();
        metrics.OutboxObserved(due.Count, (now - oldest).ToTimeSpan());
        return await DeliverAllAsync(due, ct);
    }

    /// <summary>
    /// The entries an emit made sure of, sent at once rather than at the next timer run. One it has just written (it
    /// knows the row's version) is claimed as it is; one that existed already is read first, and sent only if due.
    /// </summary>
    public async Task<int> DispatchAsync(IEnumerable<OutboxDelivery> deliveries, CancellationToken ct)
    {
        var entries = new List<OutboxDelivery>();
        foreach (var delivery in deliveries.DistinctBy(d => d.DeliveryId, StringComparer.Ordinal))
        {
            var entry = delivery.Version.Length > 0 ? delivery : await outbox.GetPendingAsync(delivery.DeliveryId, ct);
            if (entry is not null && entry.NextAttemptAt <= clock.GetCurrentInstant())
            {
                entries.Add(entry);
            }
        }

        return await DeliverAllAsync(entries, ct);
    }

    /// <summary>2^attempts minutes, at most 6 hours: how long a claimed attempt waits before it is due again.</summary>
    public static Duration Backoff(int attempts)
    {
        var delay = Duration.FromMinutes(1L << Math.Min(attempts, 10));
        return delay > MaxBackoff ? MaxBackoff : delay;
    }

    /// <summary>
    /// Claims the entries (in as few storage requests as the store can), sends those it holds (four at a time), then
    /// records the outcomes together. A crash after a send and before its outcome is recorded leaves it due again once
    /// its claim expires: at least once, and receivers dedupe on the delivery id.
    /// </summary>
    private async Task<int> DeliverAllAsync(IReadOnlyList<OutboxDelivery> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        var claimed = await outbox.TryClaimAsync(entries, entry => clock.GetCurrentInstant() + Backoff(entry.Attempts), ct);
        var delivered = new System.Collections.Concurrent.ConcurrentBag<(OutboxDelivery, int)>();
        var failed = new System.Collections.Concurrent.ConcurrentBag<(OutboxDelivery, DeliveryFailure)>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (entry, token) =>
        {
            var attempt = await transport.SendAsync(entry, token);
            metrics.WebhookDelivered(entry.TargetId, attempt.Delivered ? "delivered" : attempt.Failure!.Code);
            if (attempt.Delivered)
            {
                delivered.Add((entry, attempt.Status));
            }
            else
            {
                failed.Add((entry, attempt.Failure!));
                LogRetry(logger, entry.DeliveryId, entry.TargetId, entry.Attempts, attempt.Failure!.Code, attempt.Status, entry.NextAttemptAt);
            }
        });

        await outbox.MarkDeliveredAsync([.. delivered], clock.GetCurrentInstant(), ct);
        await outbox.RecordFailureAsync([.. failed], ct);
        return delivered.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to {TargetId} failed (attempt {Attempt}): {ErrorCategory} {Status}; next try at {NextAttemptAt}")]
    private static partial void LogRetry(ILogger logger, string deliveryId, string targetId, int attempt, string errorCategory, int status, Instant nextAttemptAt);
}
