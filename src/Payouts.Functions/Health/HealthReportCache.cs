using Payouts.Application.Observability;

namespace Payouts.Functions.Health;

/// <summary>
/// The latest <see cref="HealthReport"/>, kept for <see cref="Window"/> after it was made: the route is anonymous, so
/// a burst of probes (the platform's, a load balancer's, anyone's) costs this instance one round of storage calls, and
/// callers arriving while a round runs wait for that round. Ages are read from <see cref="TimeProvider.GetTimestamp"/>, which moves even when a demo holds
/// the app's wall clock still. Each round sets the <c>payouts.health.warnings</c> gauge of each check it ran.
/// </summary>
public sealed class HealthReportCache(HealthProbe probe, TimeProvider time, PayoutsMetrics metrics)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    /// <summary>Bounds a whole round, the rate book's read included (it goes through the app's clients and their retries).</summary>
    public static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private Task<HealthReport>? _running;
    private (HealthReport Report, long At)? _latest;

    public Task<HealthReport> GetAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_latest is { } latest && IsFresh(latest.At))
            {
                return Task.FromResult(latest.Report);
            }

            return (_running ??= Task.Run(RunAsync, CancellationToken.None)).WaitAsync(ct);
        }
    }

    /// <summary>A new round (or the one running): for the on-call route, which wants now, not five seconds ago.</summary>
    public Task<HealthReport> RefreshAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return (_running ??= Task.Run(RunAsync, CancellationToken.None)).WaitAsync(ct);
        }
    }

    /// <summary>A clock set back (tests do) makes the age negative: that report is stale too.</summary>
    private bool IsFresh(long madeAt)
    {
        var age = time.GetElapsedTime(madeAt);
        return age >= TimeSpan.Zero && age < Window;
    }

    // The round is shared, so it runs on its own time limit, not on the first caller's token.
    private async Task<HealthReport> RunAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(RoundTimeout, time);
            var report = await probe.RunAsync(timeout.Token);
            foreach (var check in report.Checks.Where(c => c.Status != HealthStatus.NotChecked))
            {
                metrics.HealthChecked(check.Name, check.Warnings.Count);
            }

            lock (_gate)
            {
                _latest = (report, time.GetTimestamp());
            }

            return report;
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }
    }
}
