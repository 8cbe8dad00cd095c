using System.Globalization;
using NodaTime;
using Payouts.Domain.Statements.Rendering;
using Payouts.Domain.Statements.Yearly;
using Payouts.Rendering.Pdf.Fonts;
using Payouts.Rendering.Pdf.Layout;

namespace Payouts.Rendering.Pdf;

/// <summary>
/// The yearly summary as a PDF, in the words of its HTML (<see cref="YearlySummaryText"/>): per currency the payable,
/// the totals by revenue type and the twelve months, then every statement of the year. Dated the last day of the
/// year; its document id comes from what it sums, so the same year renders with the same id.
/// </summary>
public static class YearlySummaryPdf
{
    public static byte[] ToPdf(YearlySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var identity = $"{summary.CreatorId}|{summary.Year}|{string.Join(',', summary.Statements.Select(s => s.Figures.Id))}";
        var document = PdfDocuments.Create(
            $"{YearlySummaryText.Title(summary)} — {summary.CreatorName}", summary.CreatorName, YearlySummaryText.Title(summary), null, new LocalDate(summary.Year, 12, 31), identity);
        var flow = new PdfFlow(document);
        flow.Paragraph(YearlySummaryText.Title(summary), PdfFonts.Bold(18));
        flow.Paragraph(summary.DisplayName is null ? summary.CreatorId : $"{summary.DisplayName} ({summary.CreatorId})", PdfFonts.Bold(12));
        if (summary.Currencies.Count == 0)
        {
            flow.Space(8);
            flow.Paragraph(YearlySummaryText.Empty(summary), PdfFonts.Regular(10));
        }

        foreach (var year in summary.Currencies)
        {
            var t = year.Totals;
            flow.Heading($"Payable in {summary.Year.ToString(CultureInfo.InvariantCulture)}, {year.Currency.Code}");
            flow.Paragraph(StatementText.Amount(t.Payable), PdfFonts.Bold(20));
            flow.Paragraph($"Net earned {StatementText.Amount(t.Net)}; carried into the next year {StatementText.Amount(t.CarriedForward)}.", PdfFonts.Regular(9.5));
            flow.Heading($"Totals in {year.Currency.Code}");
            flow.Table(
                [new("Total", 0.7), new("Amount", 0.3, Right: true)],
                [
                    ["Gifts", StatementText.Amount(t.Gifts)], ["Brand deals", StatementText.Amount(t.Deals)], ["Bonuses", StatementText.Amount(t.Bonuses)],
                    ["Prior-period adjustments", StatementText.Amount(t.Adjustments)], ["Gross", StatementText.Amount(t.Gross)],
                    ["Agency commission", StatementText.Amount(t.AgencyCommission)], ["Withholding", StatementText.Amount(t.Withholding)],
                    ["Net", StatementText.Amount(t.Net)], ["Brought forward into the year", StatementText.Amount(t.BroughtForward)],
                    ["Payable", StatementText.Amount(t.Payable)], ["Carried forward out of the year", StatementText.Amount(t.CarriedForward)],
                ],
                new HashSet<int> { 4, 7, 9 });
            flow.Heading($"By month, {year.Currency.Code}");
            flow.Table(
                [new("Month", 0.4), new("Statements", 0.16, true), new("Net", 0.22, true), new("Payable", 0.22, true)],
                year.Months.Select(m => (IReadOnlyList<string>)[YearlySummaryText.MonthName(summary.Year, m.Month), m.Statements.ToString(CultureInfo.InvariantCulture), StatementText.Amount(m.Net), StatementText.Amount(m.Payable)]));
            flow.MutedParagraph(YearlySummaryText.MonthsNote);
        }

        if (summary.Statements.Count > 0)
        {
            flow.Heading("Statements");
            flow.Table(
                [new("Period", 0.14), new("Statement", 0.34), new("Status", 0.2), new("Net", 0.16, true), new("Payable", 0.16, true)],
                summary.Statements.Select(s => (IReadOnlyList<string>)[s.Figures.Id.Period.ToString(), s.Figures.Id.ToString(), YearlySummaryText.Status(s), StatementText.Amount(s.Figures.Net), StatementText.Amount(s.Figures.Payable)]));
            flow.MutedParagraph(YearlySummaryText.SupersededNote);
        }

        if (summary.Blocked.Count > 0)
        {
            flow.Paragraph($"Blocked, not yet issued: {string.Join(", ", summary.Blocked)}.", PdfFonts.Regular(9.5));
        }

        flow.Finish($"{YearlySummaryText.Title(summary)} · {summary.CreatorId}", YearlySummaryText.MonthsNote);
        return PdfDocuments.Save(document);
    }
}
