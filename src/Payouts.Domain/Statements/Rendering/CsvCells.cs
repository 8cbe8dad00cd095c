using System.Text;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>RFC 4180 cells, with text that a spreadsheet would run as a formula neutralised by a leading apostrophe.</summary>
internal static class CsvCells
{
    public static void Row(StringBuilder csv, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Quote(cells[i] ?? string.Empty));
        }

        csv.Append("\r\n");
    }

    /// <summary>Free text (brand, reference, description): never starts a formula.</summary>
    public static string Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? string.Empty;

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
