namespace Payouts.DevHost.Demo;

/// <summary>
/// The app's clock during the demo: it stands still until the demo moves it, so a month of records can be sent in
/// seconds and the period becomes due when the demo says so. The app reads time only through TimeProvider/IClock.
/// </summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(now.UtcTicks, Interlocked.Read(ref _ticks), nameof(now));
        Interlocked.Exchange(ref _ticks, now.UtcTicks);
    }
}
