using System.Globalization;
using System.Text.Json;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements.Yearly;
using Payouts.Domain.Tests.Statements.Rendering;

namespace Payouts.Domain.Tests.Statements.Yearly;

public sealed class YearlySummaryDocumentsTests
{
    private static readonly YearlySummary Summary = YearBuilders.Summary();

    private static JsonElement Root(YearlySummary summary)
    {
        using var document = JsonDocument.Parse(YearlySummaryJson.ToUtf8(summary));
        return document.RootElement.Clone();
    }

    [Fact]
    public void Json_ListsEveryVersionWithItsStatus_AndTwelveMonthsPerCurrency()
    {
        var root = Root(Summary);
        var statements = root.GetProperty("statements").EnumerateArray().ToList();
        var eur = root.GetProperty("currencies")[0];

        Assert.Equal("Léa Martin", root.GetProperty("displayName").GetString());
        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        Assert.Equal("superseded", statements[1].GetProperty("status").GetString());
        Assert.Equal(2, statements[1].GetProperty("supersededBy").GetInt32());
        Assert.False(statements[1].GetProperty("counted").GetBoolean());
        Assert.False(statements[2].TryGetProperty("supersededBy", out _));
        Assert.Equal(["2026-09"], root.GetProperty("blocked").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("EUR", eur.GetProperty("currency").GetString());
        Assert.Equal(12, eur.GetProperty("months").GetArrayLength());
        Assert.Equal("0.00", eur.GetProperty("months")[1].GetProperty("payable").GetString());
        Assert.Equal(Summary.Currencies[0].Totals.Payable.ToAmountString(), eur.GetProperty("totals").GetProperty("payable").GetString());
    }

    [Fact]
    public void Json_WithoutADisplayName_LeavesItOut() =>
        Assert.False(Root(YearBuilders.Summary(displayName: null)).TryGetProperty("displayName", out _));

    [Fact]
    public void Csv_MonthsAddUpToThePayableInTheSheet()
    {
        var rows = CsvReader.Rows(YearlySummaryCsv.ToCsv(Summary));
        var months = rows.SkipWhile(r => r[0] != "month").Skip(1).Take(12).ToList();

        Assert.Equal(12, months.Count);
        Assert.Equal(decimal.Parse(rows.Single(r => r[0] == "payable")[1], CultureInfo.InvariantCulture), months.Sum(m => decimal.Parse(m[3], CultureInfo.InvariantCulture)));
        Assert.Equal("v2", rows.Single(r => r[0] == "lea~2026-03~v1")[^1]);
        Assert.Equal(["blocked", "2026-09"], rows.Single(r => r[0] == "blocked"));
    }

    [Fact]
    public void Html_ShowsThePayableFirst_EveryMonth_AndMarksSupersededVersions()
    {
        var html = YearlySummaryHtml.ToHtml(Summary);

        Assert.Contains("<title>Yearly summary 2026 — L&#233;a Martin</title>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<section class=\"payable\"", StringComparison.Ordinal) < html.IndexOf("<h2>By month", StringComparison.Ordinal));
        Assert.Contains("<td>February 2026</td><td class=\"num\">0</td><td class=\"num\">0.00 EUR</td><td class=\"num\">0.00 EUR</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"muted\"><td>2026-03</td><td>lea~2026-03~v1</td><td>Superseded by v2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Blocked, not yet issued:</strong> 2026-09.", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EmptyYear_SaysNoStatementWasIssued()
    {
        var html = YearlySummaryHtml.ToHtml(YearlySummaries.Of("max", 2026, [], [PeriodKey.Month(2026, 2)]));

        Assert.Contains("No statement was issued for max for a period ending in 2026.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Statements</h2>", html, StringComparison.Ordinal);
        Assert.Contains("2026-02", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_MonthNamesAndStatuses()
    {
        Assert.Equal("March 2042", YearlySummaryText.MonthName(2042, 3));
        Assert.Equal("Superseded by v2", YearlySummaryText.Status(Summary.Statements[1]));
        Assert.Equal("Issued", YearlySummaryText.Status(Summary.Statements[0]));
        Assert.Equal("Yearly summary 2026", YearlySummaryText.Title(Summary));
    }
}
