using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.DevHost.Discovery;
using Payouts.DevHost.Invocation;

namespace Payouts.DevHost.Timers;

/// <summary>
/// Fires one timer-triggered function on its schedule (wall-clock UTC), or on demand (<c>--run-timer-now</c>, the demo).
/// Invocations of one timer never overlap, like the host's singleton lock.
/// </summary>
public sealed partial class TimerListener(FunctionDescriptor function, TimerSchedule schedule, FunctionInvoker invoker, IServiceProvider services, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _last;

    public FunctionDescriptor Function => function;

    public TimerSchedule Schedule => schedule;

    public async Task RunAsync(TimeProvider wallClock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wallClock);
        while (!ct.IsCancellationRequested)
        {
            var now = wallClock.GetUtcNow();
            var next = schedule.Next(now);
            try
            {
                await Task.Delay(next - now, wallClock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await FireAsync(wallClock, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged by FireAsync; the schedule goes on, as in the host.
            }
        }
    }

    /// <summary>Runs the function once now, through the same path as a scheduled fire.</summary>
    public async Task FireAsync(TimeProvider wallClock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wallClock);
        await _gate.WaitAsync(ct);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var now = wallClock.GetUtcNow();
            var info = new TimerInfo
            {
                IsPastDue = false,
                ScheduleStatus = new ScheduleStatus { Last = (_last ?? now).UtcDateTime, Next = schedule.Next(now).UtcDateTime, LastUpdated = now.UtcDateTime },
            };
            _last = now;
            await using var scope = services.CreateAsyncScope();
            await invoker.InvokeAsync(function, InvocationInput.ForTimer(info), scope.ServiceProvider, ct);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogFired(logger, function.Name, elapsedMs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(logger, ex, function.Name, failedMs);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "{FunctionName} timer → succeeded in {ElapsedMs:0} ms")]
    private static partial void LogFired(ILogger logger, string functionName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{FunctionName} timer → failed after {ElapsedMs:0} ms")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName, double elapsedMs);
}
