using System.ComponentModel.DataAnnotations;

namespace Payouts.Storage.Configuration;

/// <summary>
/// The token bucket every partner's HTTP ingest draws from, section <c>Payouts:IngestRateLimit</c> (a partner may have
/// its own, <c>Payouts:Partners:{id}:RateLimit</c>): one token a request, refilled at <see cref="RequestsPerSecond"/>
/// up to <see cref="Burst"/>. A request with no token left is answered 429 with <c>Retry-After</c>; nothing is read.
/// </summary>
public sealed class IngestRateLimitOptions
{
    /// <summary>Steady rate: at 1,000 records a batch, 20 requests a second is 20,000 records a second per partner.</summary>
    [Range(0.1, 10_000)]
    public double RequestsPerSecond { get; set; } = 20;

    /// <summary>How many requests may arrive at once after a quiet spell.</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 100;
}
