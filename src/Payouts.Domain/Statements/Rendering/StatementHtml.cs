using System.Net;
using System.Text;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// The statement for people: one self-contained, printable HTML page (inline CSS and SVG, no scripts, nothing
/// external) that reads on a phone: the payable big and first, then when it was earned (by day, by LIVE, top gifts),
/// the lines, the totals and the rates in words. Wide tables scroll inside their own box, never the page. Every value
/// that comes from data is HTML-encoded: display names, brands and references are supplied text.
/// </summary>
public static class StatementHtml
{

    public static string ToHtml(Statement s)
    {
        var html = new StringBuilder();
        var title = $"Payout statement {s.Period} — {s.CreatorName}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(title)).Append("</title><style>").Append(HtmlPage.Style).Append("</style></head><body>\n");
        html.Append("<header><h1>Payout statement ").Append(E(s.Period.ToString())).Append("</h1>\n<p class=\"creator\">").Append(E(s.CreatorName));
        if (s.DisplayName is not null)
        {
            html.Append(" <span class=\"muted\">(").Append(E(s.CreatorId)).Append(")</span>");
        }

        html.Append("</p>\n<p class=\"muted\"><span class=\"badge ").Append(s.Status).Append("\">").Append(E(StatementText.Status(s.Status))).Append("</span> ")
            .Append("Agency: ").Append(E(s.AgencyId ?? "none")).Append(" · Period ").Append(E(s.Period.ToString())).Append(" (").Append(E(s.Zone)).Append(')')
            .Append(" · Currency ").Append(E(s.Currency?.Code ?? "—")).Append(" · Version ").Append(s.Version).Append("</p></header>\n");
        if (s.Status == StatementStatus.Draft)
        {
            html.Append("<div class=\"draft\">DRAFT — the period is still open; figures will change and nothing is paid from this preview.</div>\n");
        }

        AppendPayable(html, s);
        AppendCorrection(html, s);
        if (s.BlockedReasons.Count > 0)
        {
            html.Append("<h2>Why this statement is blocked</h2><ul>");
            foreach (var blocked in s.BlockedReasons)
            {
                html.Append("<li>").Append(E(blocked)).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        if (s.Earnings is { } earnings)
        {
            AppendDays(html, s, earnings);
        }

        if (s.Totals is { } totals)
        {
            AppendLines(html, s);
            AppendTotals(html, totals);
        }

        if (s.Earnings is { } breakdown)
        {
            AppendLives(html, breakdown);
            AppendTopGifts(html, breakdown);
        }

        AppendRates(html, s);
        if (s.Gifts is { } gifts)
        {
            html.Append("<p class=\"detail\">For information, not part of the net: viewers spent about ")
                .Append(E(StatementText.Usd(gifts.GrossGiftUsd))).Append(" on the ").Append(StatementText.Count(gifts.Coins.Value))
                .Append(" coins of your gifts; the platform's share was ").Append(E(StatementText.Usd(gifts.PlatformShareUsd))).Append(".</p>\n");
        }

        html.Append("<footer>Statement ").Append(E(s.Id.ToString())).Append(" · content hash ").Append(E(s.ContentHash)).Append("</footer>\n</body></html>\n");
        return html.ToString();
    }

    private static void AppendPayable(StringBuilder html, Statement s)
    {
        if (s.Totals is not { } totals)
        {
            return;
        }

        html.Append("<section class=\"payable\" aria-label=\"Payable\"><p class=\"muted\">Payable</p><p class=\"amount\">").Append(E(StatementText.Amount(totals.Payable)))
            .Append("</p><p>").Append(E(StatementText.PayableNote(s))).Append("</p></section>\n");
    }

    private static void AppendCorrection(StringBuilder html, Statement s)
    {
        if (s.CorrectionReason is { } reason)
        {
            html.Append("<p><strong>Correction:</strong> ").Append(E(reason)).Append("</p>\n");
        }

        if (s.Supersedes is { } supersedes)
        {
            html.Append("<h2>What changed from version ").Append(supersedes).Append("</h2><div class=\"scroll\"><table><tr><th>line</th><th>before</th><th>after</th><th>difference</th></tr>");
            foreach (var change in s.Changes)
            {
                html.Append("<tr><td>").Append(E(change.Description)).Append("</td><td>").Append(change.Before?.ToAmountString() ?? "—")
                    .Append("</td><td>").Append(change.After?.ToAmountString() ?? "—").Append("</td><td>").Append(change.Difference.ToAmountString()).Append("</td></tr>");
            }

            html.Append("</table></div><p>Payable difference: ").Append(s.PayableDifference?.ToAmountString() ?? "0").Append("</p>\n");
        }
    }

    private static void AppendDays(StringBuilder html, Statement s, EarningsBreakdown earnings)
    {
        html.Append("<h2>Earnings by day</h2>\n<figure>");
        EarningsChartSvg.Append(html, s, earnings);
        html.Append("<figcaption>Before agency commission and withholding; a refund counts on the day of its gift. Prior-period adjustments are lines below.</figcaption></figure>\n")
            .Append("<details><summary>The same as a table</summary>");
        HtmlTable.Append(
            html,
            [("Day", false), ("Gifts", true), ("Deals", true), ("Bonuses", true), ("Total", true)],
            earnings.Days.Where(d => !d.Gifts.IsZero || !d.Deals.IsZero || !d.Bonuses.IsZero).Select(d => (
                (IReadOnlyList<string>)[StatementText.Date(d.Date), StatementText.Amount(d.Gifts), StatementText.Amount(d.Deals), StatementText.Amount(d.Bonuses), StatementText.Amount(d.Total)],
                d.Total.IsNegative ? "neg" : null)));
        html.Append("<p class=\"detail\">Days not listed earned nothing.</p></details>\n");
    }

    /// <summary>Two columns, the details under each description, so the table reads on a phone without scrolling.</summary>
    private static void AppendLines(StringBuilder html, Statement s)
    {
        html.Append("<h2>Lines</h2><div class=\"scroll\"><table><thead><tr><th>Line</th><th class=\"num\">Amount</th></tr></thead><tbody>\n");
        foreach (var line in s.Lines)
        {
            html.Append(line.Amount.IsNegative ? "<tr class=\"neg\">" : "<tr>").Append("<td>");
            if (StatementText.Tag(line) is { } tag)
            {
                html.Append("<span class=\"adj\">").Append(E(tag)).Append("</span>");
            }

            html.Append(E(line.Description)).Append("<div class=\"detail\">").Append(E(StatementText.Details(line))).Append("</div></td><td class=\"num\">")
                .Append(E(StatementText.Amount(line.Amount))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void AppendTotals(StringBuilder html, StatementTotals t)
    {
        html.Append("<h2>Totals</h2><div class=\"scroll\"><table><tbody>\n");
        foreach (var (label, money, css) in new (string, Money, string)[]
        {
            ("Gifts", t.Gifts, string.Empty), ("Brand deals", t.Deals, string.Empty), ("Bonuses", t.Bonuses, string.Empty),
            ("Agency commission", t.AgencyCommission, string.Empty), ("Withholding", t.Withholding, string.Empty), ("Net", t.Net, "total"),
            ("Brought forward", t.BroughtForward, string.Empty), ("Payable", t.Payable, "payable"), ("Carried forward", t.CarriedForward, string.Empty),
        })
        {
            html.Append("<tr class=\"").Append(css).Append(money.IsNegative ? " neg" : string.Empty).Append("\"><td>").Append(label)
                .Append("</td><td class=\"num\">").Append(E(StatementText.Amount(money))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void AppendLives(StringBuilder html, EarningsBreakdown earnings)
    {
        if (earnings.Lives.Count == 0)
        {
            return;
        }

        html.Append("<h2>Your LIVEs</h2>");
        HtmlTable.Append(
            html,
            [("LIVE", false), ("Date", false), ("Gifts", true), ("Coins", true), ("Amount", true)],
            earnings.Lives.Select(l => (
                (IReadOnlyList<string>)[StatementText.LiveName(l), StatementText.Date(l.FirstDay), StatementText.Count(l.Gifts), StatementText.Count(l.Coins.Value), StatementText.Amount(l.Amount)],
                l.Amount.IsNegative ? "neg" : null)));
        html.Append('\n');
    }

    private static void AppendTopGifts(StringBuilder html, EarningsBreakdown earnings)
    {
        if (earnings.TopGifts.Count == 0)
        {
            return;
        }

        html.Append("<h2>Top gifts</h2>");
        HtmlTable.Append(
            html,
            [("Gift", false), ("Received", true), ("Coins", true), ("Amount", true)],
            earnings.TopGifts.Select(g => ((IReadOnlyList<string>)[g.GiftId, StatementText.Count(g.Gifts), StatementText.Count(g.Coins.Value), StatementText.Amount(g.Amount)], (string?)null)));
        html.Append('\n');
    }

    private static void AppendRates(StringBuilder html, Statement s)
    {
        if (s.RatesUsed.Count == 0)
        {
            return;
        }

        html.Append("<h2>Rates used</h2><ul class=\"rates\">");
        foreach (var words in StatementText.RatesInWords(s))
        {
            html.Append("<li>").Append(E(words)).Append("</li>");
        }

        html.Append("</ul>\n<div class=\"scroll\"><table><thead><tr><th>Rate</th><th>Version</th><th class=\"num\">Value</th></tr></thead><tbody>\n");
        foreach (var rate in s.RatesUsed)
        {
            html.Append("<tr><td>").Append(E(rate.Name)).Append("</td><td>").Append(E(rate.VersionId)).Append("</td><td class=\"num\">")
                .Append(E(StatementJson.FormatDecimal(rate.Value))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
