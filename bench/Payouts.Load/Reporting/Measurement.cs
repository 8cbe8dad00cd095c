namespace Payouts.Load.Reporting;

/// <summary>
/// One row of the results table. Baselines have no <see cref="Baseline"/>; a Payouts figure names its baseline and
/// carries its ratios: records/s ÷ baseline entities/s (what a partner sees) and entities/s ÷ baseline entities/s
/// (how much of storage's write or read capacity the app turns into useful work).
/// </summary>
internal sealed record Measurement
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required bool IsBaseline { get; init; }

    public required string Size { get; init; }

    public required double Seconds { get; init; }

    /// <summary>Partner records (Payouts) or record-equivalents (a queue baseline); null when not meaningful.</summary>
    public long? Records { get; init; }

    /// <summary>Table entities written or read (for the raw queue baseline: messages).</summary>
    public long Entities { get; init; }

    public double? RecordsPerSecond => Records is { } r && Seconds > 0 ? r / Seconds : null;

    public double EntitiesPerSecond => Seconds > 0 ? Entities / Seconds : 0;

    public string? Baseline { get; init; }

    public double? RecordRatio { get; init; }

    public double? EntityRatio { get; init; }

    /// <summary>The issue #8 goal for <see cref="RecordRatio"/> (0.6 = 60 %).</summary>
    public double? Goal { get; init; }

    public long? PeakWorkingSetBytes { get; init; }

    /// <summary>In-process (the bench hosts the app) or out-of-process (the app in its own process, measured from outside).</summary>
    public string? AppProcess { get; init; }

    /// <summary>Out-of-process runs: the app process's memory, read from /proc by the bench.</summary>
    public AppProcessMemory? AppMemory { get; init; }

    public string? Notes { get; init; }
}
