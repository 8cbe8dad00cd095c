using NodaTime;

namespace Payouts.Storage.Configuration;

/// <summary>NodaTime's clock over .NET's <see cref="TimeProvider"/>, so tests drive both with one FakeTimeProvider.</summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
