using System.Diagnostics.Metrics;

namespace Payouts.Application.Tests.Fakes;

/// <summary>Meters for the use cases' metrics, without a host.</summary>
internal sealed class MeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
