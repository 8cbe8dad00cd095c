using Payouts.Domain.Statements.Yearly;
using Payouts.Domain.Tests.Statements.Yearly;

namespace Payouts.Rendering.Pdf.Tests;

public sealed class YearlySummaryPdfTests
{
    private static readonly YearlySummary Summary = YearBuilders.Summary();

    [Fact]
    public void ToPdf_Text_HasTheYearTheNameThePayableAndEveryMonth()
    {
        using var pdf = new PdfText(YearlySummaryPdf.ToPdf(Summary));
        var text = pdf.Text;

        Assert.Contains("Yearly summary 2026", text, StringComparison.Ordinal);
        Assert.Contains("Léa Martin (lea)", text, StringComparison.Ordinal);
        Assert.Contains("1,509.68 EUR", text, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, 12), m => Assert.Contains(YearlySummaryText.MonthName(2026, m), text, StringComparison.Ordinal));
        Assert.Contains("Superseded by v2", text, StringComparison.Ordinal);
        Assert.Contains("Blocked, not yet issued: 2026-09.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPdf_FitsOnOnePage_WithEmbeddedFonts_AndTheSameIdWhenRenderedAgain()
    {
        using var pdf = new PdfText(YearlySummaryPdf.ToPdf(Summary));
        using var again = new PdfText(YearlySummaryPdf.ToPdf(Summary));

        Assert.Equal(1, pdf.PageCount);
        Assert.All(pdf.FontDescriptors, d => Assert.True(d.Elements.ContainsKey("/FontFile2")));
        Assert.Equal(pdf.FirstDocumentId, again.FirstDocumentId);
        Assert.Equal(pdf.Text, again.Text);
        Assert.Equal(new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc), pdf.Info.CreationDate.ToUniversalTime());
    }

    [Fact]
    public void ToPdf_EmptyYear_SaysSo()
    {
        using var pdf = new PdfText(YearlySummaryPdf.ToPdf(YearlySummaries.Of("max", 2026, [], [])));

        Assert.Contains("No statement was issued for max for a period ending in 2026.", pdf.Text, StringComparison.Ordinal);
        Assert.Equal(1, pdf.PageCount);
    }
}
