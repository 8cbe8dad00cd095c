using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payouts.DevHost.Hosting;

/// <summary>How to start a <see cref="DevHostApp"/>: port, storage, settings layers, timers.</summary>
public sealed record DevHostOptions
{
    /// <summary>The HTTP port, on the loopback address only (127.0.0.1); 0 picks a free one. <c>func</c> uses 7071.</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Where a DevHost-started Azurite keeps its data; null keeps it in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>A <c>local.settings.json</c> whose <c>Values</c> are read (same shape as local.settings.sample.json).</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Settings below local.settings.json, the environment and the command line (the demo's partners and secrets).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Command-line settings (<c>--Payouts:Periods:Kind Weekly</c>, <c>Payouts__Grace=…</c>): the top layer.</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    /// <summary>Fire timer-triggered functions on their schedules.</summary>
    public bool ScheduleTimers { get; init; } = true;

    /// <summary>Fire every timer-triggered function once as soon as the host has started.</summary>
    public bool RunTimersNow { get; init; }

    /// <summary>Poll the queues of queue-triggered functions.</summary>
    public bool ListenToQueues { get; init; } = true;

    public LogLevel AppLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Extra registrations after the app's own (the demo's clock).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
