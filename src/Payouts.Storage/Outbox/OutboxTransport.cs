using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Application.Outbox;
using Payouts.Domain.Signing;
using Payouts.Storage.Configuration;
using Payouts.Storage.ReferenceData;

namespace Payouts.Storage.Outbox;

/// <summary>
/// The two channels a delivery leaves by: a message on the payment system's queue, or an HMAC-signed POST to an
/// agency through the <c>webhooks</c> HttpClient (Polly: per-try timeout, retries with jitter, circuit breaker; no
/// redirects; only the status line and headers are read). A webhook goes to the agency's URL of the moment, passes
/// the egress rules, and is never sent unsigned: without a secret or a URL the attempt fails and the entry waits.
/// </summary>
public sealed class OutboxTransport(
    QueueServiceClient queues,
    IHttpClientFactory httpClients,
    AgencyStore agencies,
    WebhookEgressGuard egress,
    IOptionsMonitor<PayoutsOptions> options,
    IClock clock) : IOutboxTransport
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
            return DeliveryAttempt.Failed(DeliveryErrorCategory.QueueRejected, ex.Status);
        }
    }

    private async Task<DeliveryAttempt> PostWebhookAsync(OutboxDelivery entry, CancellationToken ct)
    {
        var secrets = options.CurrentValue.Webhooks.GetValueOrDefault(entry.TargetId)?.ActiveSecrets ?? [];
        var url = (await agencies.GetAsync(entry.TargetId, ct))?.WebhookUrl;
        if (secrets.Count == 0 || url is null)
        {
            return DeliveryAttempt.Failed(DeliveryErrorCategory.NotConfigured);
        }

        if (egress.UrlProblem(url) is not null)
        {
            return DeliveryAttempt.Failed(DeliveryErrorCategory.TargetRefused);
        }

        var body = Encoding.UTF8.GetBytes(entry.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(PayloadSignature.HeaderName, PayloadSignature.Create(body, secrets, clock.GetCurrentInstant()));
        request.Headers.Add("Payouts-Delivery-Id", entry.DeliveryId);
        request.Headers.Add("Payouts-Event", entry.Event);
        try
        {
            // Headers only: the body is never read, and disposing drains at most the handler's small bound.
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? DeliveryAttempt.Ok(status)
                : status is >= 300 and < 400 ? DeliveryAttempt.Failed(DeliveryErrorCategory.Redirect, status)
                : DeliveryAttempt.Failed(DeliveryErrorCategory.HttpStatus, status);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && WebhookHttpPolicies.CategoryOf(ex) is { } category)
        {
            return DeliveryAttempt.Failed(category);
        }
    }
}
