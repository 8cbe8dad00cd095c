using Microsoft.Extensions.Time.Testing;
using Payouts.Functions.Http;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Configuration;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Security;

/// <summary>A token bucket per partner: a burst, then 429 with Retry-After, refilled with time; other partners untouched.</summary>
[Collection(AppCollection.Name)]
public sealed class PartnerRateLimitTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public void Bucket_GivesTheBurst_ThenRefusesUntilATokenHasRefilled()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var limiter = Limiter(time, new IngestRateLimitOptions { Burst = 3, RequestsPerSecond = 0.5 });

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(limiter.TryAcquire("p")));
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.TryAcquire("p"));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryAcquire("p"));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(limiter.TryAcquire("p"));
        Assert.NotNull(limiter.TryAcquire("p"));
    }

    [Fact]
    public void Bucket_NeverHoldsMoreThanTheBurst()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var limiter = Limiter(time, new IngestRateLimitOptions { Burst = 2, RequestsPerSecond = 10 });

        time.Advance(TimeSpan.FromHours(1));

        Assert.Null(limiter.TryAcquire("p"));
        Assert.Null(limiter.TryAcquire("p"));
        Assert.NotNull(limiter.TryAcquire("p"));
    }

    [Fact]
    public void Buckets_ArePerPartner_AndAPartnersOwnLimitWins()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var options = new PayoutsOptions { IngestRateLimit = new IngestRateLimitOptions { Burst = 1, RequestsPerSecond = 1 } };
        options.Partners["big"] = new PartnerOptions { RateLimit = new IngestRateLimitOptions { Burst = 5, RequestsPerSecond = 1 } };
        var limiter = new PartnerRateLimiter(new StaticOptionsMonitor<PayoutsOptions>(options), new TimeProviderClock(time));

        Assert.Null(limiter.TryAcquire("small"));
        Assert.NotNull(limiter.TryAcquire("small"));
        Assert.All(Enumerable.Range(0, 5), _ => Assert.Null(limiter.TryAcquire("big")));
        Assert.Null(limiter.TryAcquire("other"));
    }

    [Fact]
    public async Task PartnerOverItsRate_Gets429WithRetryAfterAndAProblem_AndNothingIsWritten()
    {
        var creator = Payloads.Unique("rl");
        RefillLimitedPartner();
        Assert.Equal(200, (await PostLimitedAsync(creator, "a")).Status);
        Assert.Equal(200, (await PostLimitedAsync(creator, "b")).Status);

        var refused = await PostLimitedAsync(creator, "c");

        Assert.Equal(429, refused.Status);
        Assert.Equal("urn:payouts:problem:rate-limited", refused.Body.GetProperty("type").GetString());
        Assert.Equal("10", refused.Headers["Retry-After"]);
        Assert.DoesNotContain(await RowsOfCreatorAsync(TableNames.Gifts, creator), r => r.RowKey.EndsWith(".c", StringComparison.Ordinal));

        // Another partner is not slowed down by this one.
        Assert.Equal(200, (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("d", creator)))).Status);
    }

    [Fact]
    public async Task UnsignedRequestsNamingAPartner_DoNotUseItsTokens()
    {
        var creator = Payloads.Unique("rl");
        RefillLimitedPartner();
        Assert.Equal(200, (await PostLimitedAsync(creator, "first")).Status);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(401, (await PostLimitedAsync(creator, $"x{i}", secret: "not-the-secret-000000000000000000000")).Status);
        }

        // The bucket had one token left and still has it.
        Assert.Equal(200, (await PostLimitedAsync(creator, "y")).Status);
    }

    /// <summary>Lets enough fake time pass for the limited partner's bucket to be full (two tokens) whatever ran before.</summary>
    private void RefillLimitedPartner() => App.Time.Advance(TimeSpan.FromSeconds(30));

    private Task<HttpCall.Response> PostLimitedAsync(string creator, string recordId, string secret = PayoutsAppFixture.LimitedPartnerSecret) =>
        PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.LimitedPartner, Payloads.Gift(recordId, creator)), secret: secret);

    private static PartnerRateLimiter Limiter(FakeTimeProvider time, IngestRateLimitOptions limit) =>
        new(new StaticOptionsMonitor<PayoutsOptions>(new PayoutsOptions { IngestRateLimit = limit }), new TimeProviderClock(time));
}
