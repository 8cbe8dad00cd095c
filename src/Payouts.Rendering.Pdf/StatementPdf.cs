using PdfSharp.Drawing;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using Payouts.Rendering.Pdf.Fonts;
using Payouts.Rendering.Pdf.Layout;

namespace Payouts.Rendering.Pdf;

/// <summary>
/// The statement as a PDF to keep: the same statement, in the same words as the HTML (<see cref="StatementText"/>):
/// header, payable, earnings by day as bars, the lines, the totals, the LIVEs, top gifts and the rates in words. Fonts
/// embedded (DejaVu Sans subsets). Deterministic where PDFsharp lets it be: creation date from the statement's issue
/// time, document id from its content hash, so a re-render has the same text, pages and metadata (PDFsharp still
/// draws a fresh font-subset tag and XMP id each time, so the bytes differ).
/// </summary>
public static class StatementPdf
{
    private static readonly XBrush PayableBox = new XSolidBrush(XColor.FromArgb(0xf3, 0xf9, 0xf5));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x5b, 0x64, 0x70));

    public static byte[] ToPdf(Statement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var document = PdfDocuments.Create(
            $"Payout statement {s.Period} — {s.CreatorName}",
            s.CreatorName,
            $"Statement {s.Id}",
            s.IssuedAt,
            s.Period.End,
            s.ContentHash);
        var flow = new PdfFlow(document);
        flow.Paragraph($"Payout statement {s.Period}", PdfFonts.Bold(18));
        flow.Paragraph(s.DisplayName is null ? s.CreatorId : $"{s.DisplayName} ({s.CreatorId})", PdfFonts.Bold(12));
        flow.MutedParagraph($"{StatementText.Status(s.Status)} · Agency: {s.AgencyId ?? "none"} · Period {s.Period} ({s.Zone}) · Currency {s.Currency?.Code ?? "—"} · Version {s.Version}");
        if (s.Status == StatementStatus.Draft)
        {
            flow.Space(4);
            flow.Paragraph("DRAFT — the period is still open; figures will change and nothing is paid from this preview.", PdfFonts.Bold(10));
        }

        Payable(flow, s);
        Correction(flow, s);
        foreach (var reason in s.BlockedReasons)
        {
            flow.Paragraph("Blocked: " + reason, PdfFonts.Regular(9));
        }

        if (s.Earnings is { } earnings && s.Currency is { } currency)
        {
            flow.Heading("Earnings by day");
            PdfDayChart.Draw(flow, earnings.Days, currency);
            flow.MutedParagraph("Before agency commission and withholding; a refund counts on the day of its gift. Prior-period adjustments are lines below.");
        }

        if (s.Totals is { } totals)
        {
            flow.Heading("Lines");
            flow.Table(
                [new("Line", 0.40), new("Details", 0.42), new("Amount", 0.18, Right: true)],
                s.Lines.Select(l => (IReadOnlyList<string>)[(StatementText.Tag(l) is { } tag ? $"[{tag}] " : string.Empty) + l.Description, StatementText.Details(l), StatementText.Amount(l.Amount)]));
            flow.Heading("Totals");
            flow.Table(
                [new("Total", 0.7), new("Amount", 0.3, Right: true)],
                TotalRows(totals),
                new HashSet<int> { 5, 7 });
        }

        if (s.Earnings is { } breakdown)
        {
            Lives(flow, breakdown);
            TopGifts(flow, breakdown);
        }

        RatesAndInfo(flow, s);
        flow.Finish($"Statement {s.Id}", $"content hash {s.ContentHash}");
        return PdfDocuments.Save(document);
    }

    private static void Payable(PdfFlow flow, Statement s)
    {
        if (s.Totals is not { } totals)
        {
            return;
        }

        flow.Space(8);
        var top = flow.Reserve(50);
        flow.Graphics.DrawRectangle(PayableBox, PdfFlow.Margin, top, PdfFlow.Width, 48);
        flow.Graphics.DrawString("Payable", PdfFonts.Regular(9), Muted, new XRect(PdfFlow.Margin + 10, top + 6, PdfFlow.Width - 20, 10), XStringFormats.TopLeft);
        flow.Graphics.DrawString(StatementText.Amount(totals.Payable), PdfFonts.Bold(22), XBrushes.Black, new XRect(PdfFlow.Margin + 10, top + 17, PdfFlow.Width - 20, 26), XStringFormats.TopLeft);
        flow.Space(2);
        flow.Paragraph(StatementText.PayableNote(s), PdfFonts.Regular(9.5));
    }

    private static void Correction(PdfFlow flow, Statement s)
    {
        if (s.CorrectionReason is { } reason)
        {
            flow.Paragraph("Correction: " + reason, PdfFonts.Regular(9));
        }

        if (s.Supersedes is { } supersedes)
        {
            flow.Heading($"What changed from version {supersedes}");
            flow.Table(
                [new("Line", 0.46), new("Before", 0.18, true), new("After", 0.18, true), new("Difference", 0.18, true)],
                s.Changes.Select(c => (IReadOnlyList<string>)[c.Description, c.Before?.ToAmountString() ?? "—", c.After?.ToAmountString() ?? "—", c.Difference.ToAmountString()]));
            flow.Paragraph($"Payable difference: {s.PayableDifference?.ToAmountString() ?? "0"}", PdfFonts.Regular(9));
        }
    }

    private static IEnumerable<IReadOnlyList<string>> TotalRows(StatementTotals t) =>
    [
        ["Gifts", StatementText.Amount(t.Gifts)], ["Brand deals", StatementText.Amount(t.Deals)], ["Bonuses", StatementText.Amount(t.Bonuses)],
        ["Agency commission", StatementText.Amount(t.AgencyCommission)], ["Withholding", StatementText.Amount(t.Withholding)], ["Net", StatementText.Amount(t.Net)],
        ["Brought forward", StatementText.Amount(t.BroughtForward)], ["Payable", StatementText.Amount(t.Payable)], ["Carried forward", StatementText.Amount(t.CarriedForward)],
    ];

    private static void Lives(PdfFlow flow, EarningsBreakdown earnings)
    {
        if (earnings.Lives.Count == 0)
        {
            return;
        }

        flow.Heading("Your LIVEs");
        flow.Table(
            [new("LIVE", 0.34), new("Date", 0.18), new("Gifts", 0.14, true), new("Coins", 0.16, true), new("Amount", 0.18, true)],
            earnings.Lives.Select(l => (IReadOnlyList<string>)[StatementText.LiveName(l), StatementText.Date(l.FirstDay), StatementText.Count(l.Gifts), StatementText.Count(l.Coins.Value), StatementText.Amount(l.Amount)]));
    }

    private static void TopGifts(PdfFlow flow, EarningsBreakdown earnings)
    {
        if (earnings.TopGifts.Count == 0)
        {
            return;
        }

        flow.Heading("Top gifts");
        flow.Table(
            [new("Gift", 0.40), new("Received", 0.20, true), new("Coins", 0.20, true), new("Amount", 0.20, true)],
            earnings.TopGifts.Select(g => (IReadOnlyList<string>)[g.GiftId, StatementText.Count(g.Gifts), StatementText.Count(g.Coins.Value), StatementText.Amount(g.Amount)]));
    }

    private static void RatesAndInfo(PdfFlow flow, Statement s)
    {
        if (s.RatesUsed.Count > 0)
        {
            flow.Heading("Rates used");
            foreach (var words in StatementText.RatesInWords(s))
            {
                flow.Paragraph("• " + words, PdfFonts.Regular(9));
            }
        }

        if (s.Gifts is { } gifts)
        {
            flow.Space(6);
            flow.MutedParagraph($"For information, not part of the net: viewers spent about {StatementText.Usd(gifts.GrossGiftUsd)} on the {StatementText.Count(gifts.Coins.Value)} coins of your gifts; the platform's share was {StatementText.Usd(gifts.PlatformShareUsd)}.");
        }
    }
}
