namespace Payouts.Load.Reporting;

/// <summary>
/// The memory of the process that ran the Functions app during a figure, read from outside it (out-of-process runs):
/// VmRSS (resident set, = working set) and VmHWM (the kernel's high-water mark of it) from /proc/&lt;pid&gt;/status.
/// </summary>
internal sealed record AppProcessMemory
{
    public required string Process { get; init; }

    public required string Method { get; init; }

    /// <summary>VmRSS after start-up, before the close (the last sample of a few seconds idle).</summary>
    public required long AtRestRssBytes { get; init; }

    /// <summary>VmHWM just before the close: the peak of start-up.</summary>
    public required long StartUpHighWaterMarkBytes { get; init; }

    /// <summary>The highest VmRSS sampled from the close call until the last statement.</summary>
    public required long PeakRssBytes { get; init; }

    /// <summary>VmHWM after the close: since the reset at the close when <see cref="HighWaterMarkReset"/>, else since start.</summary>
    public required long HighWaterMarkBytes { get; init; }

    public required bool HighWaterMarkReset { get; init; }

    public required long EndRssBytes { get; init; }

    public required int Samples { get; init; }

    /// <summary>The figure: the larger of the sampled peak and the kernel's high-water mark over the close.</summary>
    public long PeakBytes => HighWaterMarkReset ? Math.Max(PeakRssBytes, HighWaterMarkBytes) : PeakRssBytes;
}
