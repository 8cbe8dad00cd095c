using System.Globalization;
using BenchmarkDotNet.Attributes;
using Payouts.Domain.Statements;

namespace Payouts.Benchmarks.Statements;

/// <summary>
/// The statement calculator on a realistic creator month and at scale. The scaled benchmarks report time and
/// allocation <em>per gift record</em> (OperationsPerInvoke), which is the figure issue #3 asks for: records/s = 1e9 / ns.
/// </summary>
[MemoryDiagnoser]
public class StatementCalculatorBenchmarks
{
    private const int ThousandCreators = 1_000;
    private const int GiftsPerCreator = 1_000;
    private const int MillionGifts = 1_000_000;

    private StatementRequest _creatorMonth = null!;
    private StatementRequest[] _thousandCreators = null!;
    private StatementRequest _millionGiftsOneCreator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _creatorMonth = BenchData.CreatorMonth("lea", gifts: 2_000, deals: 8);
        _thousandCreators = Enumerable.Range(0, ThousandCreators)
            .Select(c => BenchData.CreatorMonth("creator-" + c.ToString("D4", CultureInfo.InvariantCulture), GiftsPerCreator, deals: 2))
            .ToArray();
        _millionGiftsOneCreator = BenchData.CreatorMonth("whale", MillionGifts, deals: 8);
    }

    /// <summary>One statement: 2,000 gifts (+10 refunds), 8 deals and bonuses, two rate versions, brought-forward balance.</summary>
    [Benchmark(Baseline = true)]
    public Statement CreatorMonth() => StatementCalculator.Calculate(_creatorMonth);

    /// <summary>1 M gifts over 1 k creators (1 k statements): figures are per gift record.</summary>
    [Benchmark(OperationsPerInvoke = ThousandCreators * GiftsPerCreator)]
    public int MillionGifts_ThousandCreators_PerRecord()
    {
        var lines = 0;
        foreach (var request in _thousandCreators)
        {
            lines += StatementCalculator.Calculate(request).Lines.Count;
        }

        return lines;
    }

    /// <summary>One statement over 1 M gifts: the aggregation loop alone, per gift record (should allocate ~0 B per record).</summary>
    [Benchmark(OperationsPerInvoke = MillionGifts)]
    public Statement MillionGifts_OneCreator_PerRecord() => StatementCalculator.Calculate(_millionGiftsOneCreator);
}
