using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Payouts.Rendering.Pdf.Tests;

/// <summary>
/// Reads a PDF back with PDFsharp, independently of how it was written: the text of every page (each shown string on a
/// line, glyph codes mapped through each font's ToUnicode map), the page count, the metadata and the font descriptors.
/// </summary>
internal sealed partial class PdfText : IDisposable
{
    private readonly PdfDocument _document;

    public PdfText(byte[] pdf) => _document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    public int PageCount => _document.PageCount;

    public PdfDocumentInformation Info => _document.Info;

    public string FirstDocumentId => _document.Internals.FirstDocumentID;

    public IEnumerable<PdfDictionary> FontDescriptors =>
        _document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(d => d.Elements.GetName("/Type") == "/FontDescriptor");

    public string Text => string.Join("\n", Enumerable.Range(0, PageCount).Select(PageText));

    public string PageText(int index)
    {
        var page = _document.Pages[index];
        var maps = page.Resources.Elements.GetDictionary("/Font")!.Elements.Keys.ToDictionary(k => k, k => ToUnicode(page, k), StringComparer.Ordinal);
        var text = new StringBuilder();
        var font = string.Empty;
        foreach (var op in ContentReader.ReadContent(page).OfType<COperator>())
        {
            if (op.OpCode.OpCodeName == OpCodeName.Tf)
            {
                font = ((CName)op.Operands[0]).Name;
            }
            else if (op.OpCode.OpCodeName is OpCodeName.Tj or OpCodeName.TJ)
            {
                var strings = op.Operands[0] is CArray array ? array.OfType<CString>() : op.Operands.OfType<CString>();
                text.AppendLine(string.Concat(strings.Select(s => Decode(s.Value, maps[font]))));
            }
        }

        return text.ToString();
    }

    public void Dispose() => _document.Dispose();

    private static string Decode(string bytes, Dictionary<int, string> map)
    {
        var text = new StringBuilder();
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            text.Append(map.GetValueOrDefault((bytes[i] << 8) | bytes[i + 1], "?"));
        }

        return text.ToString();
    }

    /// <summary>PDFsharp writes its ToUnicode maps as one bfrange entry per glyph: &lt;glyph&gt;&lt;glyph&gt;&lt;code point&gt;.</summary>
    private static Dictionary<int, string> ToUnicode(PdfPage page, string fontKey)
    {
        var font = page.Resources.Elements.GetDictionary("/Font")!.Elements.GetDictionary(fontKey)!;
        var cmap = Encoding.ASCII.GetString(font.Elements.GetDictionary("/ToUnicode")!.Stream.UnfilteredValue);
        var ranges = cmap[cmap.IndexOf("beginbfrange", StringComparison.Ordinal)..cmap.IndexOf("endbfrange", StringComparison.Ordinal)];
        var map = new Dictionary<int, string>();
        foreach (Match m in RangePattern().Matches(ranges))
        {
            var (first, last, target) = (Hex(m.Groups[1].Value), Hex(m.Groups[2].Value), Hex(m.Groups[3].Value));
            for (var code = first; code <= last; code++)
            {
                map[code] = target + code - first is var point && point <= 0xFFFF ? ((char)point).ToString() : char.ConvertFromUtf32(point);
            }
        }

        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,})>")]
    private static partial Regex RangePattern();
}
