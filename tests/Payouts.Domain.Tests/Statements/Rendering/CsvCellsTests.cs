using System.Text;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Tests.Statements.Rendering;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-2-3", "'-2-3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("Acme", "Acme")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Text_FormulaStart_IsNeutralisedWithAnApostrophe(string value, string expected) => Assert.Equal(expected, CsvCells.Text(value));

    [Fact]
    public void Text_Null_IsEmpty() => Assert.Equal(string.Empty, CsvCells.Text(null));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Row_Cell_IsQuotedOnlyWhenNeeded(string value, string expected)
    {
        var csv = new StringBuilder();
        CsvCells.Row(csv, value);
        Assert.Equal(expected + "\r\n", csv.ToString());
    }

    [Fact]
    public void Row_NullCells_AreEmpty()
    {
        var csv = new StringBuilder();
        CsvCells.Row(csv, "a", null, "c");
        Assert.Equal("a,,c\r\n", csv.ToString());
    }
}
