using System.Globalization;

namespace Payouts.Load.Infrastructure;

/// <summary>
/// The memory of another process, read from outside it: <c>/proc/&lt;pid&gt;/status</c> every
/// <see cref="Interval"/> (VmRSS, the resident set = what <c>Process.WorkingSet64</c> reads on Linux; VmHWM, the
/// kernel's high-water mark of it = <c>PeakWorkingSet64</c>). Nothing runs inside the watched process.
/// <see cref="TryResetHighWaterMark"/> writes "5" to <c>/proc/&lt;pid&gt;/clear_refs</c> (allowed for a process of
/// the same user), so the high-water mark read at the end is that of the phase, not of the process's start-up.
/// </summary>
internal sealed class ProcessMemoryWatch : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _sampler;
    private long _peakRss;
    private long _lastRss;
    private int _samples;

    public ProcessMemoryWatch(int pid) => _pid = pid;

    /// <summary>One reading of /proc/&lt;pid&gt;/status, in bytes.</summary>
    public readonly record struct Reading(long Rss, long HighWaterMark);

    public int Samples => Volatile.Read(ref _samples);

    public long PeakRss
    {
        get
        {
            lock (_gate)
            {
                return _peakRss;
            }
        }
    }

    public long LastRss
    {
        get
        {
            lock (_gate)
            {
                return _lastRss;
            }
        }
    }

    /// <summary>The process's VmRSS and VmHWM now; null once it has exited (or where /proc is not there).</summary>
    public static Reading? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long rss = -1, hwm = -1;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
        }

        return rss < 0 || hwm < 0 ? null : new Reading(rss * 1024, hwm * 1024);
    }

    /// <summary>Resets the kernel's high-water mark of the process to its current RSS; false where not allowed.</summary>
    public bool TryResetHighWaterMark()
    {
        try
        {
            File.WriteAllText($"/proc/{_pid.ToString(CultureInfo.InvariantCulture)}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Starts sampling VmRSS every <see cref="Interval"/>; <see cref="PeakRss"/> is the highest seen since.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _peakRss = 0;
        }

        _sampler = Task.Run(SampleAsync);
    }

    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        if (_sampler is not null)
        {
            await _sampler;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (Read(_pid) is { } reading)
            {
                lock (_gate)
                {
                    _lastRss = reading.Rss;
                    _peakRss = Math.Max(_peakRss, Math.Max(reading.Rss, 0));
                }

                Interlocked.Increment(ref _samples);
            }
        }
        while (await Tick(timer));
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long Kilobytes(string line)
    {
        // "VmRSS:	  123456 kB"
        var digits = line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
        var space = digits.IndexOf(' ');
        return long.Parse(space < 0 ? digits : digits[..space], NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
