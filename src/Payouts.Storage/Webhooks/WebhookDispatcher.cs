using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Storage.Configuration;
using Payouts.Storage.Observability;

namespace Payouts.Storage.Webhooks;

/// <summary>
/// Sends due outbox deliveries. Within one attempt the HTTP client's Polly pipeline retries transient failures; across
/// attempts the outbox reschedules with a growing delay. A delivery is marked delivered only after a 2xx, so a target
/// that is down loses nothing; each request carries the same <c>Payouts-Delivery-Id</c> for the receiver to dedupe.
/// </summary>
public sealed partial class WebhookDispatcher(
    OutboxStore outbox,
    IHttpClientFactory httpClients,
    IOptionsMonitor<PayoutsOptions> options,
    IClock clock,
    PayoutsMetrics metrics,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";
    private const int BatchSize = 50;
    private static readonly Duration MaxBackoff = Duration.FromHours(6);

    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var due = await outbox.DueAsync(now, BatchSize, ct);
        var oldest = due.Select(e => e.GetDateTimeOffset("CreatedAt")).OfType<DateTimeOffset>().DefaultIfEmpty(now.ToDateTimeOffset()).Min();
        metrics.OutboxObserved(due.Count, now.ToDateTimeOffset() - oldest);
        var delivered = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (entry, token) =>
        {
            if (await DeliverAsync(entry, token))
            {
                Interlocked.Increment(ref delivered);
            }
        });
        return delivered;
    }

    private async Task<bool> DeliverAsync(Azure.Data.Tables.TableEntity entry, CancellationToken ct)
    {
        var targetId = entry.GetString("TargetId");
        var attempts = entry.GetInt32("Attempts") ?? 0;
        var secrets = options.CurrentValue.Webhooks.GetValueOrDefault(targetId)?.ActiveSecrets ?? [];
        if (secrets.Count == 0)
        {
            // Never send unsigned: wait for an operator to configure the secret.
            await RetryLaterAsync(entry, attempts, $"no webhook secret configured for '{targetId}'", ct);
            return false;
        }

        var body = Encoding.UTF8.GetBytes(entry.GetString("Body"));
        using var request = new HttpRequestMessage(HttpMethod.Post, entry.GetString("Url")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(PayloadSignature.HeaderName, PayloadSignature.Create(body, secrets, clock.GetCurrentInstant()));
        request.Headers.Add("Payouts-Delivery-Id", entry.RowKey);
        request.Headers.Add("Payouts-Event", entry.GetString("Event"));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                await outbox.MarkDeliveredAsync(entry, clock.GetCurrentInstant(), (int)response.StatusCode, ct);
                metrics.WebhookDelivered(targetId, "delivered");
                return true;
            }

            await RetryLaterAsync(entry, attempts, $"HTTP {(int)response.StatusCode}", ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            await RetryLaterAsync(entry, attempts, ex.GetType().Name + ": " + ex.Message, ct);
        }

        return false;
    }

    private async Task RetryLaterAsync(Azure.Data.Tables.TableEntity entry, int attempts, string error, CancellationToken ct)
    {
        var delay = Duration.FromMinutes(Math.Pow(2, Math.Min(attempts, 10)));
        var next = clock.GetCurrentInstant() + (delay > MaxBackoff ? MaxBackoff : delay);
        await outbox.RescheduleAsync(entry, next, error, ct);
        metrics.WebhookDelivered(entry.GetString("TargetId"), "failed");
        LogRetry(logger, entry.RowKey, entry.GetString("TargetId"), attempts + 1, error, next);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {TargetId} failed (attempt {Attempt}): {Error}; next try at {NextAttemptAt}")]
    private static partial void LogRetry(ILogger logger, string deliveryId, string targetId, int attempt, string error, Instant nextAttemptAt);
}
