using System.Net;
using System.Text;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// A table of a page for people, in its own horizontally scrolling box: a header row, then one row per entry with its
/// cells HTML-encoded, figure columns aligned right, and a row class (<c>neg</c> for a loss, <c>muted</c> for a
/// superseded version) when it has one.
/// </summary>
internal static class HtmlTable
{
    public static void Append(StringBuilder html, IReadOnlyList<(string Header, bool Figure)> columns, IEnumerable<(IReadOnlyList<string> Cells, string? Css)> rows)
    {
        html.Append("<div class=\"scroll\"><table><thead><tr>");
        foreach (var (header, figure) in columns)
        {
            html.Append(figure ? "<th class=\"num\">" : "<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var (cells, css) in rows)
        {
            html.Append(css is null ? "<tr>" : $"<tr class=\"{css}\">");
            for (var i = 0; i < cells.Count; i++)
            {
                html.Append(columns[i].Figure ? "<td class=\"num\">" : "<td>").Append(WebUtility.HtmlEncode(cells[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>");
    }
}
