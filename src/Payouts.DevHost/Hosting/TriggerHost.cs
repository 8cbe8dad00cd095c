using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payouts.DevHost.Discovery;
using Payouts.DevHost.Invocation;
using Payouts.DevHost.Queues;
using Payouts.DevHost.Timers;
using Payouts.Storage.Connections;

namespace Payouts.DevHost.Hosting;

/// <summary>Runs the non-HTTP triggers: one <see cref="QueueListener"/> per queue function, one <see cref="TimerListener"/> per timer function.</summary>
public sealed partial class TriggerHost : BackgroundService
{
    private readonly DevHostOptions _options;
    private readonly ILogger<TriggerHost> _logger;
    private readonly TimeProvider _wallClock = TimeProvider.System;

    public TriggerHost(
        FunctionCatalog catalog,
        FunctionInvoker invoker,
        HostJson hostJson,
        IConfiguration configuration,
        AzureComponentFactory components,
        IServiceProvider services,
        DevHostOptions options,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(hostJson);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options;
        HostRoutePrefix = hostJson.RoutePrefix;
        _logger = loggers.CreateLogger<TriggerHost>();
        var invocations = loggers.CreateLogger("Payouts.DevHost.Invocations");
        var enabled = catalog.Functions.Where(f => !SettingResolver.IsDisabled(configuration, f.Name)).ToList();
        Queues = enabled.Where(f => f.Trigger == TriggerKind.QueueTrigger).Select(f =>
        {
            var endpoints = StorageEndpoints.FromConfiguration(configuration, f.Connection ?? "AzureWebJobsStorage", components);
            var client = endpoints.CreateQueueServiceClient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
            var name = SettingResolver.Resolve(f.QueueName!, configuration);
            return new QueueListener(f, client.GetQueueClient(name), client.GetQueueClient(name + "-poison"), hostJson.Queues, invoker, services, invocations);
        }).ToList();
        Timers = enabled.Where(f => f.Trigger == TriggerKind.TimerTrigger)
            .ToDictionary(f => f.Name, f => new TimerListener(f, TimerSchedule.Parse(SettingResolver.Resolve(f.Schedule!, configuration)), invoker, services, invocations), StringComparer.Ordinal);
    }

    public string HostRoutePrefix { get; }

    public IReadOnlyList<QueueListener> Queues { get; }

    public IReadOnlyDictionary<string, TimerListener> Timers { get; }

    /// <summary>Fires a timer function once, now, through the path its schedule uses.</summary>
    public Task FireTimerAsync(string functionName, CancellationToken ct) =>
        Timers.TryGetValue(functionName, out var timer)
            ? timer.FireAsync(_wallClock, ct)
            : throw new KeyNotFoundException($"No enabled timer function named '{functionName}'.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        if (_options.ListenToQueues)
        {
            running.AddRange(Queues.Select(q => Task.Run(() => q.RunAsync(stoppingToken), CancellationToken.None)));
        }

        foreach (var timer in Timers.Values)
        {
            if (_options.RunTimersNow || timer.Function.RunOnStartup)
            {
                try
                {
                    await timer.FireAsync(_wallClock, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogStartupFire(_logger, ex, timer.Function.Name);
                }
            }

            if (_options.ScheduleTimers)
            {
                running.Add(Task.Run(() => timer.RunAsync(_wallClock, stoppingToken), CancellationToken.None));
            }
        }

        await Task.WhenAll(running);
    }

    public override void Dispose()
    {
        foreach (var timer in Timers.Values)
        {
            timer.Dispose();
        }

        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up run of {FunctionName} failed")]
    private static partial void LogStartupFire(ILogger logger, Exception exception, string functionName);
}
