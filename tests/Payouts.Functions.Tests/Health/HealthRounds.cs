using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Application.Observability;

namespace Payouts.Functions.Tests.Health;

/// <summary>
/// Listens to one container's <c>payouts.health.warnings</c> gauge (other fixtures' meters carry the same name): each
/// round of health checks records it once per check, so the storage check's records count the rounds.
/// </summary>
public sealed class HealthRounds : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Check, long Warnings)> _records = [];

    public HealthRounds(IServiceProvider services)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PayoutsMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Name == "payouts.health.warnings")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var check = tags.ToArray().Single(t => t.Key == "check").Value as string ?? string.Empty;
            lock (_records)
            {
                _records.Add((check, value));
            }
        });
        _listener.Start();
    }

    public int Count
    {
        get
        {
            lock (_records)
            {
                return _records.Count(r => r.Check == "storage");
            }
        }
    }

    /// <summary>The warnings the last round recorded for <paramref name="check"/>.</summary>
    public long LastWarnings(string check)
    {
        lock (_records)
        {
            return _records.Last(r => r.Check == check).Warnings;
        }
    }

    public void Dispose() => _listener.Dispose();
}
