using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Http;

/// <summary>
/// A token bucket per authenticated partner over HTTP ingest, so one partner's flood cannot starve the others. It is
/// drawn from only after the signature checks out: a request that merely names a partner cannot use its tokens up.
/// Per instance: with N instances a partner gets up to N times the rate, which still bounds each instance's share.
/// </summary>
public sealed class PartnerRateLimiter(IOptionsMonitor<PayoutsOptions> options, IClock clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a token; null when one was there, else how long until the next one (at least a second).</summary>
    public TimeSpan? TryAcquire(string partnerId)
    {
        var current = options.CurrentValue;
        var limit = current.Partners.GetValueOrDefault(partnerId)?.RateLimit ?? current.IngestRateLimit;
        var bucket = _buckets.GetOrAdd(partnerId, _ => new Bucket(limit.Burst, clock.GetCurrentInstant()));
        return bucket.TryTake(clock.GetCurrentInstant(), limit.RequestsPerSecond, limit.Burst);
    }

    private sealed class Bucket(double tokens, Instant refilledAt)
    {
        private readonly Lock _gate = new();

        public TimeSpan? TryTake(Instant now, double perSecond, int burst)
        {
            lock (_gate)
            {
                if (now > refilledAt)
                {
                    tokens = Math.Min(burst, tokens + ((now - refilledAt).TotalSeconds * perSecond));
                    refilledAt = now;
                }

                if (tokens >= 1)
                {
                    tokens -= 1;
                    return null;
                }

                return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((1 - tokens) / perSecond)));
            }
        }
    }
}
