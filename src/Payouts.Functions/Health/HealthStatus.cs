namespace Payouts.Functions.Health;

/// <summary>A check's outcome. Only <see cref="Unhealthy"/> (the instance cannot serve) makes <c>/api/health</c> answer 503.</summary>
public enum HealthStatus
{
    Healthy,

    /// <summary>The instance serves, but reference data has a gap: statements that need it block until it comes.</summary>
    Warning,

    Unhealthy,

    /// <summary>Not run this round: what it reads (the rate table) is already known to be unreachable.</summary>
    NotChecked,
}
