using System.Globalization;
using System.Net;
using System.Text;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// The statement for people: one self-contained, printable HTML page (inline CSS, no scripts, nothing external).
/// Every value that comes from data is HTML-encoded: brands and references are partner-supplied text.
/// </summary>
public static class StatementHtml
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;max-width:60rem;margin:2rem auto;padding:0 1rem}
        h1{font-size:1.5rem;margin:0 0 .25rem}.muted{color:#5b6470}.badge{display:inline-block;padding:.1rem .6rem;border-radius:1rem;font-weight:600;background:#e7f5ec;color:#176c3a}
        .badge.Blocked{background:#fde8e8;color:#9b1c1c}.badge.CarriedForward{background:#fff4e0;color:#8a5300}.badge.Draft{background:#e8eefc;color:#1e40af}
        .draft{border:2px dashed #1e40af;padding:.5rem 1rem;margin:1rem 0;color:#1e40af;font-weight:600}
        table{width:100%;border-collapse:collapse;margin:1rem 0}th,td{padding:.35rem .5rem;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
        th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#5b6470}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.neg td.num{color:#9b1c1c}tr.total td{font-weight:600;border-top:2px solid #1b1f24}tr.payable td{font-size:1.15rem;font-weight:700}
        .adj{font-size:.75rem;background:#fff4e0;color:#8a5300;padding:0 .4rem;border-radius:.3rem;margin-right:.3rem}.detail{font-size:.8rem;color:#5b6470}
        footer{margin-top:2rem;font-size:.75rem;color:#5b6470;word-break:break-all}
        @media print{body{margin:0;max-width:none}thead{display:table-header-group}tr{page-break-inside:avoid}@page{size:A4;margin:15mm}}
        """;

    public static string ToHtml(Statement s)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Payout statement ")
            .Append(E(s.Period.ToString())).Append(" — ").Append(E(s.CreatorId)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>Payout statement ").Append(E(s.Period.ToString())).Append(" — ").Append(E(s.CreatorId)).Append("</h1>\n");
        html.Append("<p class=\"muted\"><span class=\"badge ").Append(s.Status).Append("\">").Append(E(StatusText(s.Status))).Append("</span> ")
            .Append("Agency: ").Append(E(s.AgencyId ?? "none")).Append(" · Period ").Append(E(s.Period.ToString())).Append(" (").Append(E(s.Zone)).Append(')')
            .Append(" · Currency ").Append(E(s.Currency?.Code ?? "—")).Append(" · Version ").Append(s.Version).Append("</p>\n");
        if (s.Status == StatementStatus.Draft)
        {
            html.Append("<div class=\"draft\">DRAFT — the period is still open; figures will change and nothing is paid from this preview.</div>\n");
        }

        if (s.CorrectionReason is { } reason)
        {
            html.Append("<p><strong>Correction:</strong> ").Append(E(reason)).Append("</p>\n");
        }

        if (s.Supersedes is { } supersedes)
        {
            html.Append("<h2>What changed from version ").Append(supersedes).Append("</h2><table><tr><th>line</th><th>before</th><th>after</th><th>difference</th></tr>");
            foreach (var change in s.Changes)
            {
                html.Append("<tr><td>").Append(E(change.Description)).Append("</td><td>").Append(change.Before?.ToAmountString() ?? "—")
                    .Append("</td><td>").Append(change.After?.ToAmountString() ?? "—").Append("</td><td>").Append(change.Difference.ToAmountString()).Append("</td></tr>");
            }

            html.Append("</table><p>Payable difference: ").Append(s.PayableDifference?.ToAmountString() ?? "0").Append("</p>\n");
        }

        if (s.BlockedReasons.Count > 0)
        {
            html.Append("<h2>Why this statement is blocked</h2><ul>");
            foreach (var blocked in s.BlockedReasons)
            {
                html.Append("<li>").Append(E(blocked)).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        if (s.Totals is { } totals)
        {
            AppendLines(html, s);
            AppendTotals(html, totals);
            if (totals.Payable.IsZero)
            {
                html.Append("<p>Nothing is paid this period: the balance of ").Append(E(Format(totals.Balance)))
                    .Append(" is below the minimum payout of ").Append(E(Format(totals.MinimumPayout))).Append(" and is carried forward to your next statement.</p>\n");
            }
        }

        AppendRates(html, s);
        if (s.Gifts is { } gifts)
        {
            html.Append("<p class=\"detail\">For information, not part of the net: viewers spent about ")
                .Append(E(Usd(gifts.GrossGiftUsd))).Append(" on the ").Append(gifts.Coins.Value.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" coins of your gifts; the platform's share was ").Append(E(Usd(gifts.PlatformShareUsd))).Append(".</p>\n");
        }

        html.Append("<footer>Statement ").Append(E(s.Id.ToString())).Append(" · content hash ").Append(E(s.ContentHash)).Append("</footer>\n</body></html>\n");
        return html.ToString();
    }

    private static void AppendLines(StringBuilder html, Statement s)
    {
        html.Append("<table><thead><tr><th>Description</th><th>Details</th><th class=\"num\">Amount</th></tr></thead><tbody>\n");
        foreach (var line in s.Lines)
        {
            html.Append(line.Amount.IsNegative ? "<tr class=\"neg\">" : "<tr>").Append("<td>");
            if (line.OriginalPeriod is { } original)
            {
                html.Append("<span class=\"adj\">adjustment ").Append(E(original.ToString())).Append("</span>");
            }

            html.Append(E(line.Description)).Append("</td><td class=\"detail\">").Append(E(Details(line))).Append("</td><td class=\"num\">")
                .Append(E(Format(line.Amount))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendTotals(StringBuilder html, StatementTotals t)
    {
        html.Append("<table><tbody>\n");
        foreach (var (label, money, css) in new (string, Money, string)[]
        {
            ("Gifts", t.Gifts, string.Empty), ("Brand deals", t.Deals, string.Empty), ("Bonuses", t.Bonuses, string.Empty),
            ("Agency commission", t.AgencyCommission, string.Empty), ("Withholding", t.Withholding, string.Empty), ("Net", t.Net, "total"),
            ("Brought forward", t.BroughtForward, string.Empty), ("Payable", t.Payable, "payable"), ("Carried forward", t.CarriedForward, string.Empty),
        })
        {
            html.Append("<tr class=\"").Append(css).Append(money.IsNegative ? " neg" : string.Empty).Append("\"><td>").Append(label)
                .Append("</td><td class=\"num\">").Append(E(Format(money))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendRates(StringBuilder html, Statement s)
    {
        if (s.RatesUsed.Count == 0)
        {
            return;
        }

        html.Append("<h2>Rates used</h2><table><thead><tr><th>Rate</th><th>Version</th><th class=\"num\">Value</th></tr></thead><tbody>\n");
        foreach (var rate in s.RatesUsed)
        {
            html.Append("<tr><td>").Append(E(rate.Name)).Append("</td><td>").Append(E(rate.VersionId)).Append("</td><td class=\"num\">")
                .Append(E(StatementJson.FormatDecimal(rate.Value))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static string Details(StatementLine l) => l.Kind switch
    {
        LineKind.Gifts => $"{l.Coins!.Value.Value.ToString("N0", CultureInfo.InvariantCulture)} coins → {StatementJson.FormatDecimal(l.Diamonds!.Value.Value)} diamonds → {StatementJson.FormatDecimal(l.Usd!.Value)} USD · {l.Sources.Records} records, {l.Sources.Refunds} refunds",
        LineKind.Deal or LineKind.Bonus => $"{l.SourceAmount} · {l.RecordId}",
        _ => $"{l.Rate} of {(l.Base is { } b ? Format(b) : string.Empty)}",
    };

    private static string StatusText(StatementStatus status) => status switch
    {
        StatementStatus.CarriedForward => "Carried forward",
        var other => other.ToString(),
    };

    private static string Format(Money money) =>
        money.Amount.ToString("N" + money.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + money.Currency.Code;

    private static string Usd(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture) + " USD";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
