using System.Collections.Concurrent;
using System.Net;
using Polly;
using Polly.CircuitBreaker;

using Payouts.Application.Observability;
using Payouts.Application.Outbox;

namespace Payouts.Storage.Outbox;

/// <summary>
/// The Polly pipeline of the webhook HTTP client, the only place outbound HTTP is retried: per-try timeout, a few
/// retries on 5xx/408/429/network errors with exponential backoff and jitter (a Retry-After header wins), and a circuit
/// breaker per target host and port so one dead receiver does not slow the others. Its primary handler enforces the
/// egress rules.
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

    /// <summary>
    /// The primary handler: no redirects (a 3xx is the answer, so a signed body is never re-posted elsewhere), no proxy
    /// (the egress check must see the real target), every connection through the egress guard, and at most a few KiB
    /// of an unread response drained.
    /// </summary>
    public static SocketsHttpHandler PrimaryHandler(WebhookEgressGuard egress) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = egress.ConnectAsync,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        MaxResponseDrainSize = MaxResponseDrainBytes,
        MaxResponseHeadersLength = 16,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>How much of an unread response body is drained to reuse its connection.</summary>
    public const int MaxResponseDrainBytes = 4 * 1024;

    /// <summary>The category of a send that threw; null for anything else (a bug, which should surface).</summary>
    public static DeliveryErrorCategory? CategoryOf(Exception exception) => exception switch
    {
        HttpRequestException { InnerException: WebhookTargetRefusedException } => DeliveryErrorCategory.TargetRefused,
        WebhookTargetRefusedException => DeliveryErrorCategory.TargetRefused,
        BrokenCircuitException => DeliveryErrorCategory.CircuitOpen,
        Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException => DeliveryErrorCategory.Timeout,
        HttpRequestException => DeliveryErrorCategory.Network,
        _ => null,
    };

    /// <summary>Transient: 5xx, 408, 429, timeouts and network errors; a refused target is final and never retried.</summary>
    private static PolicyBuilder<HttpResponseMessage> Transient() =>
        Policy<HttpResponseMessage>.Handle<HttpRequestException>(ex => ex.InnerException is not WebhookTargetRefusedException)
            .OrResult(r => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            .Or<Polly.Timeout.TimeoutRejectedException>();

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
