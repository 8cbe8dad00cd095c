using System.Collections.Concurrent;
using System.Net;
using Polly;
using Polly.Extensions.Http;

using Payouts.Application.Observability;

namespace Payouts.Storage.Outbox;

/// <summary>
/// The Polly pipeline of the webhook HTTP client, the only place outbound HTTP is retried: per-try timeout, a few
/// retries on 5xx/408/429/network errors with exponential backoff and jitter (a Retry-After header wins), and a circuit
/// breaker per target host and port so one dead receiver does not slow the others.
/// </summary>
public static class WebhookHttpPolicies
{
    public static readonly TimeSpan TryTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, IAsyncPolicy<HttpResponseMessage>> Breakers = new(StringComparer.OrdinalIgnoreCase);

    public static IAsyncPolicy<HttpResponseMessage> Retry(PayoutsMetrics metrics) =>
        Transient().WaitAndRetryAsync(
            retryCount: 3,
            sleepDurationProvider: (attempt, outcome, _) => RetryAfter(outcome.Result) ?? Backoff(attempt),
            onRetryAsync: (outcome, _, _, _) =>
            {
                metrics.WebhookRetried(outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "unknown");
                return Task.CompletedTask;
            });

    public static IAsyncPolicy<HttpResponseMessage> Timeout() => Policy.TimeoutAsync<HttpResponseMessage>(TryTimeout);

    public static IAsyncPolicy<HttpResponseMessage> BreakerFor(HttpRequestMessage request) =>
        Breakers.GetOrAdd(request.RequestUri?.Authority ?? string.Empty, _ => Transient().CircuitBreakerAsync(5, TimeSpan.FromSeconds(30)));

    private static PolicyBuilder<HttpResponseMessage> Transient() =>
        HttpPolicyExtensions.HandleTransientHttpError()
            .Or<Polly.Timeout.TimeoutRejectedException>()
            .OrResult(r => r.StatusCode == HttpStatusCode.TooManyRequests);

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds((200 * Math.Pow(2, attempt - 1)) + Random.Shared.Next(0, 100));

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        // A date is measured against the response's own Date header, not our clock.
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date && response!.Headers.Date is { } sent ? date - sent : null);
        return delay is { } d && d > TimeSpan.Zero ? (d < MaxRetryAfter ? d : MaxRetryAfter) : null;
    }
}
