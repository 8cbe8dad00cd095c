using System.Globalization;
using System.Net;
using System.Text;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>
/// The yearly summary for people, in the statement's look (<see cref="HtmlPage"/>): per currency what was paid in the
/// year, big and first, then the totals by revenue type, every month, and every statement of the year.
/// </summary>
public static class YearlySummaryHtml
{
    public static string ToHtml(YearlySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var html = new StringBuilder();
        var title = $"{YearlySummaryText.Title(summary)} — {summary.CreatorName}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(title)).Append("</title><style>").Append(HtmlPage.Style).Append("</style></head><body>\n")
            .Append("<header><h1>").Append(E(YearlySummaryText.Title(summary))).Append("</h1>\n<p class=\"creator\">").Append(E(summary.CreatorName));
        if (summary.DisplayName is not null)
        {
            html.Append(" <span class=\"muted\">(").Append(E(summary.CreatorId)).Append(")</span>");
        }

        html.Append("</p></header>\n");
        if (summary.Currencies.Count == 0)
        {
            html.Append("<p>").Append(E(YearlySummaryText.Empty(summary))).Append("</p>\n");
        }

        foreach (var year in summary.Currencies)
        {
            AppendCurrency(html, summary, year);
        }

        AppendStatements(html, summary);
        html.Append("<footer>").Append(E(YearlySummaryText.MonthsNote)).Append(' ').Append(E(YearlySummaryText.SupersededNote)).Append("</footer>\n</body></html>\n");
        return html.ToString();
    }

    private static void AppendCurrency(StringBuilder html, YearlySummary summary, CurrencyYear year)
    {
        var t = year.Totals;
        html.Append("<section class=\"payable\" aria-label=\"Paid in ").Append(summary.Year).Append(" in ").Append(year.Currency.Code).Append("\"><p class=\"muted\">Payable in ")
            .Append(summary.Year).Append(", ").Append(year.Currency.Code).Append("</p><p class=\"amount\">").Append(E(StatementText.Amount(t.Payable))).Append("</p><p>Net earned ")
            .Append(E(StatementText.Amount(t.Net))).Append("; carried into the next year ").Append(E(StatementText.Amount(t.CarriedForward))).Append(".</p></section>\n");
        html.Append("<h2>Totals in ").Append(year.Currency.Code).Append("</h2><div class=\"scroll\"><table><tbody>\n");
        foreach (var (label, money, css) in new (string, Money, string)[]
        {
            ("Gifts", t.Gifts, string.Empty), ("Brand deals", t.Deals, string.Empty), ("Bonuses", t.Bonuses, string.Empty),
            ("Prior-period adjustments", t.Adjustments, string.Empty), ("Gross", t.Gross, "total"), ("Agency commission", t.AgencyCommission, string.Empty),
            ("Withholding", t.Withholding, string.Empty), ("Net", t.Net, "total"), ("Brought forward into the year", t.BroughtForward, string.Empty),
            ("Payable", t.Payable, "payable"), ("Carried forward out of the year", t.CarriedForward, string.Empty),
        })
        {
            html.Append("<tr class=\"").Append(css).Append(money.IsNegative ? " neg" : string.Empty).Append("\"><td>").Append(label).Append("</td><td class=\"num\">")
                .Append(E(StatementText.Amount(money))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n<h2>By month, ").Append(year.Currency.Code).Append("</h2>");
        HtmlTable.Append(
            html,
            [("Month", false), ("Statements", true), ("Net", true), ("Payable", true)],
            year.Months.Select(m => (
                (IReadOnlyList<string>)[YearlySummaryText.MonthName(summary.Year, m.Month), m.Statements.ToString(CultureInfo.InvariantCulture), StatementText.Amount(m.Net), StatementText.Amount(m.Payable)],
                m.Net.IsNegative ? "neg" : null)));
        html.Append("\n<p class=\"detail\">").Append(E(YearlySummaryText.MonthsNote)).Append("</p>\n");
    }

    private static void AppendStatements(StringBuilder html, YearlySummary summary)
    {
        if (summary.Statements.Count > 0)
        {
            html.Append("<h2>Statements</h2>");
            HtmlTable.Append(
                html,
                [("Period", false), ("Statement", false), ("Status", false), ("Net", true), ("Payable", true)],
                summary.Statements.Select(s => (
                    (IReadOnlyList<string>)[s.Figures.Id.Period.ToString(), s.Figures.Id.ToString(), YearlySummaryText.Status(s), StatementText.Amount(s.Figures.Net), StatementText.Amount(s.Figures.Payable)],
                    s.IsCounted ? null : "muted")));
            html.Append('\n');
        }

        if (summary.Blocked.Count > 0)
        {
            html.Append("<p><strong>Blocked, not yet issued:</strong> ").Append(E(string.Join(", ", summary.Blocked))).Append(".</p>\n");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
