using BenchmarkDotNet.Attributes;
using Payouts.Domain.Records;

namespace Payouts.Benchmarks.Records;

/// <summary>The canonical SHA-256 of a parsed record: computed once per record on every ingest.</summary>
[MemoryDiagnoser]
public class RecordFingerprintBenchmarks
{
    private readonly GiftRecord _gift = BenchData.Gift("creator-0001", 42, 1000);
    private readonly DealRecord _deal = BenchData.Deal("creator-0001", 1);

    [Benchmark(Baseline = true)]
    public string Gift() => RecordFingerprint.Of(_gift);

    [Benchmark]
    public string Deal() => RecordFingerprint.Of(_deal);
}
