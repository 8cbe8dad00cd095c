using BenchmarkDotNet.Attributes;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using Payouts.Rendering.Pdf;

namespace Payouts.Benchmarks.Rendering;

/// <summary>
/// The four documents stored with every issued statement, rendered from one creator month (1,000 gifts, 8 deals): what
/// each costs a close per statement, next to the calculation that produced the statement.
/// </summary>
[MemoryDiagnoser]
public class StatementRenderingBenchmarks
{
    private StatementRequest _request = null!;
    private Statement _statement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = BenchData.CreatorMonth("lea", gifts: 1_000, deals: 8);
        _statement = StatementCalculator.Calculate(_request);
    }

    [Benchmark(Baseline = true)]
    public Statement Calculate() => StatementCalculator.Calculate(_request);

    [Benchmark]
    public byte[] Json() => StatementJson.ToUtf8(_statement);

    [Benchmark]
    public byte[] Csv() => StatementCsv.ToUtf8(_statement);

    [Benchmark]
    public string Html() => StatementHtml.ToHtml(_statement);

    [Benchmark]
    public byte[] Pdf() => StatementPdf.ToPdf(_statement);
}
