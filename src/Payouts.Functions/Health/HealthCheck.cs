namespace Payouts.Functions.Health;

/// <summary>One check: its outcome, a line for on-call, and each gap in the data it found (one warning each).</summary>
public sealed record HealthCheck(string Name, HealthStatus Status, string Detail, IReadOnlyList<string> Warnings)
{
    public static HealthCheck Passed(string name) => new(name, HealthStatus.Healthy, "ok", []);

    public static HealthCheck Failed(string name, string detail) => new(name, HealthStatus.Unhealthy, detail, []);

    public static HealthCheck NotChecked(string name, string reason) => new(name, HealthStatus.NotChecked, reason, []);

    public static HealthCheck Warned(string name, IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? Passed(name) : new(name, HealthStatus.Warning, string.Join("; ", warnings), warnings);
}
