using System.Diagnostics;

namespace Payouts.Load.Infrastructure;

/// <summary>
/// The peak working set of one phase. Linux keeps a high-water mark per process (VmHWM, what
/// <see cref="Process.PeakWorkingSet64"/> reads); writing "5" to /proc/self/clear_refs resets it, so the peak after a
/// phase is that phase's. Where that is not allowed, a 50 ms sampler of the working set gives the answer.
/// </summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _sampledPeak;

    private MemoryWatch(bool reset)
    {
        HighWaterMarkReset = reset;
        using var self = Process.GetCurrentProcess();
        StartBytes = self.WorkingSet64;
        _sampler = Task.Run(SampleAsync);
    }

    public bool HighWaterMarkReset { get; }

    /// <summary>The working set when the phase started (after a full GC): the app's resting footprint.</summary>
    public long StartBytes { get; }

    public static MemoryWatch Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var reset = false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            reset = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Not Linux, or not allowed: the sampler still answers.
        }

        return new MemoryWatch(reset);
    }

    /// <summary>Peak working set in bytes since <see cref="Start"/>.</summary>
    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        using var self = Process.GetCurrentProcess();
        return HighWaterMarkReset ? Math.Max(self.PeakWorkingSet64, _sampledPeak) : _sampledPeak;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var self = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            self.Refresh();
            _sampledPeak = Math.Max(_sampledPeak, self.WorkingSet64);
            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
