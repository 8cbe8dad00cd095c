using System.Globalization;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Application.Outbox;
using Payouts.Domain.Signing;
using Payouts.Storage.Configuration;

namespace Payouts.Storage.Outbox;

/// <summary>
/// The two channels a delivery leaves by: a message on the payment system's queue, or an HMAC-signed POST to an
/// agency through the <c>webhooks</c> HttpClient (Polly: per-try timeout, retries with jitter, circuit breaker).
/// A webhook is never sent unsigned: without a configured secret the attempt fails and the entry waits.
/// </summary>
public sealed class OutboxTransport(QueueServiceClient queues, IHttpClientFactory httpClients, IOptionsMonitor<PayoutsOptions> options, IClock clock) : IOutboxTransport
{
    public const string HttpClientName = "webhooks";

    public Task<DeliveryAttempt> SendAsync(OutboxDelivery delivery, CancellationToken ct) =>
        delivery.Channel == OutboxChannel.Queue ? SendToQueueAsync(delivery, ct) : PostWebhookAsync(delivery, ct);

    private async Task<DeliveryAttempt> SendToQueueAsync(OutboxDelivery entry, CancellationToken ct)
    {
        try
        {
            await queues.GetQueueClient(entry.TargetId).SendMessageAsync(entry.Body, ct);
            return DeliveryAttempt.Ok(201);
        }
        catch (Azure.RequestFailedException ex)
        {
            return DeliveryAttempt.Failed(ex.Status, $"queue {entry.TargetId}: {ex.ErrorCode ?? ex.Status.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private async Task<DeliveryAttempt> PostWebhookAsync(OutboxDelivery entry, CancellationToken ct)
    {
        var secrets = options.CurrentValue.Webhooks.GetValueOrDefault(entry.TargetId)?.ActiveSecrets ?? [];
        if (secrets.Count == 0)
        {
            return DeliveryAttempt.Failed(0, $"no webhook secret configured for '{entry.TargetId}'");
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
                ? DeliveryAttempt.Ok((int)response.StatusCode)
                : DeliveryAttempt.Failed((int)response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return DeliveryAttempt.Failed(0, ex.GetType().Name + ": " + ex.Message);
        }
    }
}
