using System.Text;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>Reads a statement CSV back into rows of cells (RFC 4180 quoting), so a test asserts cells, not substrings.</summary>
public static class CsvRows
{
    public static List<string[]> Parse(string csv)
    {
        var rows = new List<string[]>();
        foreach (var line in csv.TrimStart('\uFEFF').Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length > 0)
            {
                rows.Add(Cells(text));
            }
        }

        return rows;
    }

    /// <summary>The cells after the first of every row whose first cell is <paramref name="name"/>.</summary>
    public static List<string[]> Named(string csv, string name) => [.. Parse(csv).Where(r => r[0] == name).Select(r => r[1..])];

    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
