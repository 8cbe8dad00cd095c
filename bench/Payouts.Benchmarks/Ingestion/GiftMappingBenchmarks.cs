using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Payouts.Domain.Records;
using Payouts.Storage.Ingestion;

namespace Payouts.Benchmarks.Ingestion;

/// <summary>Gift record ⇄ table entity: once per record on ingest (to), once per record per statement (from).</summary>
[MemoryDiagnoser]
public class GiftMappingBenchmarks
{
    private readonly GiftMapping _mapping = new();
    private readonly GiftRecord _gift = BenchData.Gift("creator-0001", 42, 1000);
    private StoredRecordInfo _info = null!;
    private TableEntity _entity = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fingerprint = RecordFingerprint.Of(_gift);
        _info = new StoredRecordInfo(
            "creator-0001|2026-10",
            "tiklive|" + _gift.RecordId,
            BenchData.October,
            fingerprint,
            Instant.FromUtc(2026, 10, 31, 12, 0),
            IngestSource.Http);
        _entity = _mapping.ToEntity(_gift, _info);
    }

    [Benchmark(Baseline = true)]
    public TableEntity ToEntity() => _mapping.ToEntity(_gift, _info);

    [Benchmark]
    public GiftRecord FromEntity() => _mapping.FromEntity(_entity);

    /// <summary>What ingest does per record before any I/O: fingerprint, then the row.</summary>
    [Benchmark]
    public TableEntity FingerprintAndToEntity() => _mapping.ToEntity(_gift, _info with { Fingerprint = _mapping.Fingerprint(_gift) });
}
