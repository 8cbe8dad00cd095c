using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Payouts.Rendering.Pdf.Fonts;

namespace Payouts.Rendering.Pdf.Layout;

/// <summary>
/// Text flowing down A4 pages: headings, wrapped paragraphs, tables whose rows never split and whose header repeats on
/// a new page, and room for a drawing. Positions are in points; a new page starts when the next block does not fit.
/// <see cref="Finish"/> writes each page's footer (with "page n of N") once the page count is known.
/// </summary>
internal sealed class PdfFlow(PdfDocument document)
{
    public const double Margin = 42;
    private static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    private static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    private const double FooterHeight = 26;
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x5b, 0x64, 0x70));
    private static readonly XPen Rule = new(XColor.FromArgb(0xe3, 0xe6, 0xea), 0.6);
    private XGraphics? _graphics;

    public XGraphics Graphics => _graphics ?? NewPage();

    public double Y { get; private set; }

    public static double Width => PageWidth - (2 * Margin);

    private static double Bottom => PageHeight - Margin - FooterHeight;

    /// <summary>Makes sure <paramref name="height"/> points fit below the cursor, else moves to a new page.</summary>
    public void EnsureSpace(double height)
    {
        if (_graphics is null || Y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Space(double height) => Y += height;

    public void Heading(string text)
    {
        EnsureSpace(40);
        Space(10);
        Paragraph(text, PdfFonts.Bold(12));
        Space(2);
    }

    /// <summary>Wrapped text over the whole width.</summary>
    public void Paragraph(string text, XFont font, XBrush? brush = null)
    {
        foreach (var line in Wrap(text, font, Width))
        {
            var height = font.GetHeight();
            EnsureSpace(height);
            Graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin, Y, Width, height), XStringFormats.TopLeft);
            Y += height;
        }
    }

    public void MutedParagraph(string text, double size = 8.5) => Paragraph(text, PdfFonts.Regular(size), Muted);

    /// <summary>A table: a bold header row, then rows whose cells wrap inside their column; a row is never split.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? boldRows = null)
    {
        var font = PdfFonts.Regular(8.5);
        var bold = PdfFonts.Bold(8.5);
        var header = columns.Select(c => c.Header).ToList();
        EnsureSpace(3 * font.GetHeight());
        DrawRow(columns, header, PdfFonts.Bold(7.5), Muted);
        var index = 0;
        foreach (var row in rows)
        {
            var rowFont = boldRows?.Contains(index++) == true ? bold : font;
            var height = RowHeight(columns, row, rowFont);
            if (Y + height > Bottom)
            {
                NewPage();
                DrawRow(columns, header, PdfFonts.Bold(7.5), Muted);
            }

            DrawRow(columns, row, rowFont, XBrushes.Black);
        }

        Space(6);
    }

    /// <summary>Reserves <paramref name="height"/> points for a drawing and returns its top.</summary>
    public double Reserve(double height)
    {
        EnsureSpace(height);
        var top = Y;
        Y += height;
        return top;
    }

    /// <summary>Footers on every page: <paramref name="left"/>, <paramref name="detail"/> under it, and "page n of N".</summary>
    public void Finish(string left, string detail)
    {
        _graphics?.Dispose();
        _graphics = null;
        var small = PdfFonts.Regular(7);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var top = Bottom + 8;
            var width = PageWidth - (2 * Margin);
            graphics.DrawLine(Rule, Margin, top - 3, Margin + width, top - 3);
            graphics.DrawString(left, small, Muted, new XRect(Margin, top, width, 9), XStringFormats.TopLeft);
            graphics.DrawString($"page {i + 1} of {document.PageCount}", small, Muted, new XRect(Margin, top, width, 9), XStringFormats.TopRight);
            graphics.DrawString(detail, small, Muted, new XRect(Margin, top + 9, width, 9), XStringFormats.TopLeft);
        }
    }

    private void DrawRow(IReadOnlyList<PdfColumn> columns, IReadOnlyList<string> cells, XFont font, XBrush brush)
    {
        var height = RowHeight(columns, cells, font);
        var x = Margin;
        for (var c = 0; c < columns.Count; c++)
        {
            var width = columns[c].Share * Width;
            var lineY = Y + 2;
            foreach (var line in Wrap(cells[c], font, width - 6))
            {
                Graphics.DrawString(line, font, brush, new XRect(x + 3, lineY, width - 6, font.GetHeight()), columns[c].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                lineY += font.GetHeight();
            }

            x += width;
        }

        Y += height;
        Graphics.DrawLine(Rule, Margin, Y, Margin + Width, Y);
    }

    private double RowHeight(IReadOnlyList<PdfColumn> columns, IReadOnlyList<string> cells, XFont font) =>
        4 + (font.GetHeight() * columns.Select((c, i) => Wrap(cells[i], font, (c.Share * Width) - 6).Count).Max());

    /// <summary>Greedy word wrap; a word wider than the line (a long id) is cut where it must.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Measure(candidate, font) <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (line.Length > 1 && Measure(line, font) > width)
            {
                var cut = line.Length - 1;
                while (cut > 1 && Measure(line[..cut], font) > width)
                {
                    cut--;
                }

                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }

        lines.Add(line);
        return lines;
    }

    private double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    private XGraphics NewPage()
    {
        _graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
        return _graphics;
    }
}
