using PdfSharp.Drawing;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using Payouts.Rendering.Pdf.Fonts;

namespace Payouts.Rendering.Pdf.Layout;

/// <summary>The earnings-by-day bars, from the same <see cref="DayChart"/> geometry as the HTML chart, drawn as vectors.</summary>
internal static class PdfDayChart
{
    private const int PlotHeight = 90;
    private static readonly XBrush Earned = new XSolidBrush(XColor.FromArgb(0x2f, 0x6f, 0x4f));
    private static readonly XBrush Lost = new XSolidBrush(XColor.FromArgb(0x9b, 0x1c, 0x1c));
    private static readonly XBrush Label = new XSolidBrush(XColor.FromArgb(0x5b, 0x64, 0x70));
    private static readonly XPen Axis = new(XColor.FromArgb(0x5b, 0x64, 0x70), 0.5);

    public static void Draw(PdfFlow flow, IReadOnlyList<DailyEarnings> days, Currency currency)
    {
        var layout = DayChart.Layout(days, currency, PlotHeight);
        var small = PdfFonts.Regular(6.5);
        var top = flow.Reserve(PlotHeight + 24) + 10;
        var step = PdfFlow.Width / Math.Max(1, layout.Bars.Count);
        var graphics = flow.Graphics;
        graphics.DrawString(StatementText.Amount(layout.Highest), small, Label, new XRect(PdfFlow.Margin, top - 10, PdfFlow.Width, 8), XStringFormats.TopLeft);
        foreach (var bar in layout.Bars)
        {
            var x = PdfFlow.Margin + (bar.Index * step);
            if (bar.Height > 0)
            {
                graphics.DrawRectangle(bar.IsNegative ? Lost : Earned, x + (step * 0.15), top + bar.Top, step * 0.7, bar.Height);
            }

            if (bar.Labelled)
            {
                graphics.DrawString(bar.Date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), small, Label, new XRect(x, top + PlotHeight + 2, step, 8), XStringFormats.TopCenter);
            }
        }

        graphics.DrawLine(Axis, PdfFlow.Margin, top + layout.AxisY, PdfFlow.Margin + PdfFlow.Width, top + layout.AxisY);
    }
}
