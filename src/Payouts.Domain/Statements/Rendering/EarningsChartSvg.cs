using System.Globalization;
using System.Net;
using System.Text;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// The earnings-by-day chart as inline SVG: no script, colours as attributes (so it prints as shown), a title and a
/// description for screen readers, a tooltip per bar; it scales to its container through its viewBox.
/// </summary>
internal static class EarningsChartSvg
{
    private const int PlotHeight = 100;
    private const int Top = 12;
    private const int Left = 4;
    private const int LabelSpace = 12;

    public static void Append(StringBuilder html, Statement s, EarningsBreakdown earnings)
    {
        var layout = DayChart.Layout(earnings.Days, s.Currency!, PlotHeight);
        var step = Math.Max(8, 240 / Math.Max(1, layout.Bars.Count));
        var width = (Left * 2) + (step * layout.Bars.Count);
        var height = Top + PlotHeight + LabelSpace;
        var best = layout.Bars.OrderByDescending(b => b.Total.MinorUnits).ThenBy(b => b.Index).FirstOrDefault();
        html.Append(Invariant($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">"))
            .Append("<title id=\"chart-title\">Earnings by day, ").Append(E(s.Period.ToString())).Append("</title>")
            .Append("<desc id=\"chart-desc\">").Append(layout.Bars.Count).Append(" days, ").Append(layout.Bars.Count(b => !b.Total.IsZero)).Append(" with earnings");
        if (best is { Total.IsZero: false })
        {
            html.Append("; the best day ").Append(StatementText.Date(best.Date)).Append(": ").Append(E(StatementText.Amount(best.Total)));
        }

        html.Append(". The table below gives every figure.</desc>\n");
        foreach (var bar in layout.Bars.Where(b => b.Height > 0))
        {
            var x = Left + (bar.Index * step) + 1;
            html.Append(Invariant($"<rect x=\"{x}\" y=\"{Top + bar.Top}\" width=\"{step - 2}\" height=\"{bar.Height}\" fill=\"{(bar.IsNegative ? "#9b1c1c" : "#2f6f4f")}\">"))
                .Append("<title>").Append(StatementText.Date(bar.Date)).Append(": ").Append(E(StatementText.Amount(bar.Total))).Append("</title></rect>\n");
        }

        html.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top + layout.AxisY}\" x2=\"{width - Left}\" y2=\"{Top + layout.AxisY}\" stroke=\"#5b6470\" stroke-width=\"0.5\"/>"))
            .Append(Invariant($"<text x=\"{Left}\" y=\"{Top - 4}\" font-size=\"8\" fill=\"#5b6470\">")).Append(E(StatementText.Amount(layout.Highest))).Append("</text>\n");
        foreach (var bar in layout.Bars.Where(b => b.Labelled))
        {
            html.Append(Invariant($"<text x=\"{Left + (bar.Index * step) + (step / 2)}\" y=\"{height - 2}\" font-size=\"8\" text-anchor=\"middle\" fill=\"#5b6470\">{bar.Date.Day}</text>"));
        }

        html.Append("</svg>\n");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
