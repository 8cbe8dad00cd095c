using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Application.Observability;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>The ingest counter tells an on-call engineer, per partner, how many records were accepted, duplicate or rejected.</summary>
[Collection(AppCollection.Name)]
public sealed class IngestMetricsTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task IngestCounter_CountsEachOutcomePerPartner_WithoutCreatorOrSenderIds()
    {
        var measurements = new ConcurrentBag<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PayoutsMetrics.MeterName && instrument.Name == "payouts.ingest.records")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        var creator = Payloads.Unique("metric");
        var body = Payloads.Envelope(PayoutsAppFixture.OtherPartner, Payloads.Gift("m1", creator), Payloads.Gift("m2", creator), Payloads.Gift("bad", creator).With("quantity", -1));

        await PostGiftsAsync(body, PayoutsAppFixture.OtherPartnerSecret);
        await PostGiftsAsync(body, PayoutsAppFixture.OtherPartnerSecret);

        long Sum(string status) => measurements.Where(m => Equals(m.Tags["partner"], PayoutsAppFixture.OtherPartner) && Equals(m.Tags["status"], status)).Sum(m => m.Value);
        Assert.Equal(2, Sum("accepted"));
        Assert.Equal(2, Sum("duplicate"));
        Assert.Equal(2, Sum("rejected"));
        Assert.DoesNotContain(measurements.SelectMany(m => m.Tags.Values), v => v is string s && (s.Contains(creator, StringComparison.Ordinal) || s.Contains("viewer", StringComparison.Ordinal)));
    }
}
