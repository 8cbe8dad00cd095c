using NodaTime;
using Payouts.Domain.Statements;
using Payouts.Domain.Tests;
using Payouts.Domain.Tests.Statements.Golden;

namespace Payouts.Rendering.Pdf.Tests;

/// <summary>The statement PDF read back: it parses, says who, what period and what is paid, embeds its fonts, and re-renders the same.</summary>
public sealed class StatementPdfTests
{
    private static readonly Statement Rich = GoldenStatements.Of(GoldenStatements.Rich);
    private static readonly byte[] RichPdf = StatementPdf.ToPdf(Rich);

    [Fact]
    public void ToPdf_Parses_AndStartsAsAPdf()
    {
        using var pdf = new PdfText(RichPdf);

        Assert.Equal("%PDF-"u8.ToArray(), RichPdf[..5]);
        Assert.True(pdf.PageCount >= 1);
    }

    [Fact]
    public void ToPdf_Text_HasTheNamePeriodPayableAndPayoutDate()
    {
        using var pdf = new PdfText(RichPdf);
        var text = pdf.Text;

        Assert.Contains("Payout statement 2026-11", text, StringComparison.Ordinal);
        Assert.Contains("Léa <Martin> & Co (lea)", text, StringComparison.Ordinal);
        Assert.Contains("1,576.98 EUR", text, StringComparison.Ordinal);
        Assert.Contains("Paid on 2026-12-05.", text, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPdf_Text_HasTheLinesTotalsLivesTopGiftsAndRatesInWords()
    {
        using var pdf = new PdfText(RichPdf);
        var text = pdf.Text;

        Assert.Contains("Earnings by day", text, StringComparison.Ordinal);
        Assert.Contains("Gifts (rates from 2026-11-16)", text, StringComparison.Ordinal);
        Assert.Contains("152.26 EUR", text, StringComparison.Ordinal);
        Assert.Contains("Carried forward", text, StringComparison.Ordinal);
        Assert.Contains("live-1102", text, StringComparison.Ordinal);
        Assert.Contains("outside a LIVE", text, StringComparison.Ordinal);
        Assert.Contains("finger-heart", text, StringComparison.Ordinal);
        Assert.Contains("1 coin = 0.55 diamonds from 2026-11-16 (version dpc-FR-2026-11-16)", text, StringComparison.Ordinal);
        Assert.Contains($"content hash {Rich.ContentHash}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPdf_EveryFont_IsEmbeddedAsATrueTypeFontFile()
    {
        using var pdf = new PdfText(RichPdf);
        var descriptors = pdf.FontDescriptors.ToList();

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d => Assert.True(d.Elements.ContainsKey("/FontFile2"), $"{d.Elements.GetName("/FontName")} is not embedded"));
        Assert.All(descriptors, d => Assert.Contains("+DejaVu Sans", d.Elements.GetName("/FontName"), StringComparison.Ordinal));
    }

    [Fact]
    public void ToPdf_GoldenStatements_AreTwoPagesEach_NumberedOnEveryPage()
    {
        using var worked = new PdfText(StatementPdf.ToPdf(GoldenStatements.Of(GoldenStatements.WorkedExample)));
        using var rich = new PdfText(RichPdf);

        Assert.Equal(2, worked.PageCount);
        Assert.Equal(2, rich.PageCount);
        Assert.Contains("page 1 of 2", rich.PageText(0), StringComparison.Ordinal);
        Assert.Contains("page 2 of 2", rich.PageText(1), StringComparison.Ordinal);
        Assert.Contains("Statement lea~2026-11~v1", rich.PageText(1), StringComparison.Ordinal);
    }

    [Fact]
    public void ToPdf_ManyLines_FlowOntoMorePagesWithTheHeaderRepeated()
    {
        var gifts = Enumerable.Range(1, 25).SelectMany(day => new[]
        {
            Domain.Statements.GiftEntry.From(Builders.Gift($"g{day}", 1000, 1, Builders.At(day), liveId: $"live-{day:D2}"), Builders.Paris),
            Domain.Statements.GiftEntry.From(Builders.Gift($"h{day}", 100, 1, Builders.At(day, 9), liveId: $"live-{day:D2}-morning"), Builders.Paris),
        }).ToList();
        using var pdf = new PdfText(StatementPdf.ToPdf(Builders.Calculate(gifts)));

        var livesFrom = Enumerable.Range(0, pdf.PageCount).First(p => pdf.PageText(p).Contains("Your LIVEs", StringComparison.Ordinal));
        var livesTo = Enumerable.Range(0, pdf.PageCount).Last(p => pdf.PageText(p).Contains("live-", StringComparison.Ordinal));

        Assert.True(pdf.PageCount >= 3, $"{pdf.PageCount} pages");
        Assert.True(livesTo > livesFrom, "the LIVE table should go on over a page");
        Assert.StartsWith("LIVE\nDate\nGifts\nCoins\nAmount\n", pdf.PageText(livesTo), StringComparison.Ordinal);
        Assert.Contains("live-25-morning", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPdf_Metadata_IsTheStatementsOwn()
    {
        using var pdf = new PdfText(RichPdf);

        Assert.Equal("Payout statement 2026-11 — Léa <Martin> & Co", pdf.Info.Title);
        Assert.Equal(GoldenStatements.IssuedAt.ToDateTimeUtc(), pdf.Info.CreationDate.ToUniversalTime());
        Assert.Equal("Payouts", pdf.Info.Creator);
    }

    [Fact]
    public void ToPdf_RenderedAgain_HasTheSameTextPagesAndDocumentId()
    {
        using var first = new PdfText(RichPdf);
        using var again = new PdfText(StatementPdf.ToPdf(Rich));
        using var other = new PdfText(StatementPdf.ToPdf(GoldenStatements.Of(GoldenStatements.WorkedExample)));

        Assert.Equal(first.Text, again.Text);
        Assert.Equal(first.PageCount, again.PageCount);
        Assert.Equal(first.FirstDocumentId, again.FirstDocumentId);
        Assert.NotEqual(first.FirstDocumentId, other.FirstDocumentId);
    }

    [Fact]
    public void ToPdf_Draft_SaysSo_AndDatesFromThePeriod()
    {
        var draft = StatementCalculator.Calculate(Builders.WorkedExample() with { Draft = true });
        using var pdf = new PdfText(StatementPdf.ToPdf(draft));

        Assert.Contains("DRAFT", pdf.Text, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2026, 12, 1).AtMidnight().InUtc().ToDateTimeUtc(), pdf.Info.CreationDate.ToUniversalTime());
    }

    [Fact]
    public void ToPdf_CarriedForward_SaysNothingIsPaid()
    {
        var statement = Builders.Calculate([Builders.Entry(1000, 1, Builders.At(3))]);
        using var pdf = new PdfText(StatementPdf.ToPdf(statement));

        Assert.Contains("Nothing is paid this period", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("0.00 EUR", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPdf_Reissue_ListsWhatChanged()
    {
        using var pdf = new PdfText(StatementPdf.ToPdf(GoldenStatements.Of(GoldenStatements.Reissue)));

        Assert.Contains("What changed from version 1", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Correction: the diamondsPerCoin change", pdf.Text, StringComparison.Ordinal);
    }
}
