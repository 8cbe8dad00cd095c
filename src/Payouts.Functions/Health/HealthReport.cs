using NodaTime;

namespace Payouts.Functions.Health;

/// <summary>One round of checks, as of <see cref="CheckedAt"/>.</summary>
public sealed record HealthReport(Instant CheckedAt, IReadOnlyList<HealthCheck> Checks)
{
    public bool CanServe => Checks.All(c => c.Status != HealthStatus.Unhealthy);

    public int Warnings => Checks.Sum(c => c.Warnings.Count);
}
