using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Storage.Configuration;
using Payouts.Storage.Observability;

namespace Payouts.Storage.Outbox;

/// <summary>
/// Delivers outbox entries: payout messages to the payment system's queue, webhooks to agencies. Each attempt first
/// claims the entry (its next attempt moves out by the backoff), so concurrent dispatchers never send it twice and a
/// dispatcher that dies mid-send leaves it due again later. Within one webhook attempt the HTTP client's Polly
/// pipeline retries transient failures; across attempts the claim's backoff spaces them. An entry is marked delivered
/// only once the target took it (a queue insert, or a 2xx); receivers dedupe on the delivery id.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore outbox,
    QueueServiceClient queues,
    IHttpClientFactory httpClients,
    IOptionsMonitor<PayoutsOptions> options,
    IClock clock,
    PayoutsMetrics metrics,
    ILogger<OutboxDispatcher> logger)
{
    public const string HttpClientName = "webhooks";
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

    /// <summary>The entries just written by an emit, sent at once rather than at the next timer run.</summary>
    public async Task<int> DispatchAsync(IEnumerable<string> deliveryIds, CancellationToken ct)
    {
        var entries = new List<OutboxDelivery>();
        foreach (var id in deliveryIds.Distinct(StringComparer.Ordinal))
        {
            if (await outbox.GetPendingAsync(id, ct) is { } entry && entry.NextAttemptAt <= clock.GetCurrentInstant())
            {
                entries.Add(entry);
            }
        }

        return await DeliverAllAsync(entries, ct);
    }

    private async Task<int> DeliverAllAsync(IReadOnlyList<OutboxDelivery> entries, CancellationToken ct)
    {
        var delivered = 0;
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (entry, token) =>
        {
            if (await outbox.TryClaimAsync(entry, clock.GetCurrentInstant() + Backoff(entry.Attempts), token) is { } claimed
                && await DeliverAsync(claimed, token))
            {
                Interlocked.Increment(ref delivered);
            }
        });
        return delivered;
    }

    private async Task<bool> DeliverAsync(OutboxDelivery entry, CancellationToken ct)
    {
        var (ok, status, error) = entry.Channel == OutboxChannel.Queue ? await SendToQueueAsync(entry, ct) : await PostWebhookAsync(entry, ct);
        metrics.WebhookDelivered(entry.TargetId, ok ? "delivered" : "failed");
        if (ok)
        {
            await outbox.MarkDeliveredAsync(entry, clock.GetCurrentInstant(), status, ct);
            return true;
        }

        await outbox.RecordFailureAsync(entry, error!, ct);
        LogRetry(logger, entry.DeliveryId, entry.TargetId, entry.Attempts, error!, entry.NextAttemptAt);
        return false;
    }

    private async Task<(bool Ok, int Status, string? Error)> SendToQueueAsync(OutboxDelivery entry, CancellationToken ct)
    {
        try
        {
            await queues.GetQueueClient(entry.TargetId).SendMessageAsync(entry.Body, ct);
            return (true, 201, null);
        }
        catch (Azure.RequestFailedException ex)
        {
            return (false, ex.Status, $"queue {entry.TargetId}: {ex.ErrorCode ?? ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private async Task<(bool Ok, int Status, string? Error)> PostWebhookAsync(OutboxDelivery entry, CancellationToken ct)
    {
        var secrets = options.CurrentValue.Webhooks.GetValueOrDefault(entry.TargetId)?.ActiveSecrets ?? [];
        if (secrets.Count == 0)
        {
            // Never send unsigned: wait for an operator to configure the secret.
            return (false, 0, $"no webhook secret configured for '{entry.TargetId}'");
        }

        var body = Encoding.UTF8.GetBytes(entry.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, entry.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(PayloadSignature.HeaderName, PayloadSignature.Create(body, secrets, clock.GetCurrentInstant()));
        request.Headers.Add("Payouts-Delivery-Id", entry.DeliveryId);
        request.Headers.Add("Payouts-Event", entry.Event);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode
                ? (true, (int)response.StatusCode, null)
                : (false, (int)response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return (false, 0, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>2^attempts minutes, at most 6 hours: how long a claimed attempt waits before it is due again.</summary>
    private static Duration Backoff(int attempts)
    {
        var delay = Duration.FromMinutes(1L << Math.Min(attempts, 10));
        return delay > MaxBackoff ? MaxBackoff : delay;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to {TargetId} failed (attempt {Attempt}): {Error}; next try at {NextAttemptAt}")]
    private static partial void LogRetry(ILogger logger, string deliveryId, string targetId, int attempt, string error, Instant nextAttemptAt);
}
