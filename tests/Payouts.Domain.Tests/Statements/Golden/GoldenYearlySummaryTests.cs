using System.Text;
using Payouts.Domain.Statements.Yearly;
using Payouts.Domain.Tests.Statements.Yearly;

namespace Payouts.Domain.Tests.Statements.Golden;

/// <summary>lea's 2026 (<see cref="YearBuilders"/>) as JSON, CSV and HTML, byte for byte against Golden/Files (UPDATE_GOLDEN=1 to accept a change).</summary>
public sealed class GoldenYearlySummaryTests
{
    private static readonly YearlySummary Summary = YearBuilders.Summary();

    [Fact]
    public void Json_IsTheGoldenFile() => GoldenFile.AssertMatches("yearly-2026.json", YearlySummaryJson.ToUtf8(Summary));

    [Fact]
    public void Csv_IsTheGoldenFile() => GoldenFile.AssertMatches("yearly-2026.csv", YearlySummaryCsv.ToUtf8(Summary));

    [Fact]
    public void Html_IsTheGoldenFile() => GoldenFile.AssertMatches("yearly-2026.html", Encoding.UTF8.GetBytes(YearlySummaryHtml.ToHtml(Summary)));
}
