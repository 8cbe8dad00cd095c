using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Payouts.Rendering.Pdf.Fonts;

/// <summary>
/// The fonts of every Payouts PDF. PDFsharp's resolver is process-wide and may be set once, before any font is used:
/// the static constructor does it (setting another instance of the same resolver type later is ignored by PDFsharp).
/// Unicode encoding, so any name prints (as far as DejaVu Sans has the glyphs) and text can be extracted.
/// </summary>
internal static class PdfFonts
{
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    static PdfFonts()
    {
        if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
        {
            GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
        }
    }

    public static XFont Regular(double size) => new(EmbeddedFontResolver.Family, size, XFontStyleEx.Regular, Options);

    public static XFont Bold(double size) => new(EmbeddedFontResolver.Family, size, XFontStyleEx.Bold, Options);
}
