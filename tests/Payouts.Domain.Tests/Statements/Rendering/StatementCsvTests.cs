using System.Globalization;
using System.Text;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Rendering;

public sealed class StatementCsvTests
{
    private static readonly Statement Worked = StatementCalculator.Calculate(WorkedExample());
    private static readonly List<List<string>> Rows = CsvReader.Rows(StatementCsv.ToCsv(Worked));

    private static List<string> Row(string first) => Rows.Single(r => r[0] == first);

    [Fact]
    public void ToUtf8_StartsWithBomThenTheStatementId()
    {
        var bytes = StatementCsv.ToUtf8(Worked);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("statementId,lea~2026-11~v1\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_LinesTable_HasAHeaderRowAndOneRowPerLine()
    {
        var header = Row("number");
        var index = Rows.IndexOf(header);
        var lines = Rows.Skip(index + 1).TakeWhile(r => r.Count > 1).ToList();

        Assert.Equal(20, header.Count);
        Assert.Equal("amount", header[16]);
        Assert.Equal(Worked.Lines.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal(header.Count, l.Count));
        Assert.Equal(["71.99", "500.00", "9.20", "-14.40", "-75.00", "-0.92"], lines.Select(l => l[16]));
    }

    [Fact]
    public void ToCsv_DescriptionWithComma_IsQuotedAndReadsBack() =>
        Assert.Equal(Worked.Lines[1].Description, Rows.Single(r => r[0] == "2")[3]);

    [Fact]
    public void ToCsv_Totals_AreRowsOfLabelAndAmount()
    {
        Assert.Equal(["net", "490.87"], Row("net"));
        Assert.Equal(["payable", "503.17"], Row("payable"));
        Assert.Equal(["broughtForward", "12.30"], Row("broughtForward"));
        Assert.Equal(["giftCoins (informational)", "31299"], Row("giftCoins (informational)"));
    }

    [Fact]
    public void ToCsv_LineAmounts_AddUpToNetInTheSheet()
    {
        var header = Row("number");
        var lines = Rows.Skip(Rows.IndexOf(header) + 1).TakeWhile(r => r.Count > 1);
        var sum = lines.Sum(l => decimal.Parse(l[16], CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(Row("net")[1], CultureInfo.InvariantCulture), sum);
    }

    [Fact]
    public void ToCsv_BrandWithQuotesAndNewline_ReadsBackUnchanged()
    {
        var deal = Deal("d-1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(5), brand: "Acme \"Best\",\nInc");
        var statement = Calculate(deals: [DealOf(deal)]);
        var rows = CsvReader.Rows(StatementCsv.ToCsv(statement));

        Assert.Contains(rows, r => r.Count > 3 && r[3] == statement.Lines[0].Description);
    }

    [Theory]
    [InlineData("@lea")]
    [InlineData("-lea")]
    [InlineData("lea")]
    public void ToCsv_NoTextCellStartsAFormula(string creatorId)
    {
        var brandDeal = Deal("d-1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(5), brand: "=HYPERLINK(\"http://evil\")");
        var request = Request([], [DealOf(brandDeal)]) with { Id = new StatementId(creatorId, November, 1) };
        var rows = CsvReader.Rows(StatementCsv.ToCsv(StatementCalculator.Calculate(request)));

        foreach (var cell in rows.SelectMany(r => r))
        {
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                Assert.True(decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), $"Cell {cell} would run as a formula.");
            }
        }
    }

    [Fact]
    public void ToCsv_Blocked_ListsTheReasons()
    {
        var blocked = Calculate([Entry(1000, 1, At(10))], contract: Contract(region: "DE"));
        Assert.Contains(CsvReader.Rows(StatementCsv.ToCsv(blocked)), r => r[0] == "blocked" && r[1].Contains("'DE'", StringComparison.Ordinal));
    }

    [Fact]
    public void ToCsv_UsesCrLfLineEnds()
    {
        var csv = StatementCsv.ToCsv(Worked);
        Assert.Equal(csv.Split('\n').Length - 1, csv.Split("\r\n").Length - 1);
    }
}
