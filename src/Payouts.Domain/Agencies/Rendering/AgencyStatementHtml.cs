using System.Globalization;
using System.Net;
using System.Text;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Agencies.Rendering;

/// <summary>
/// The agency statement for people: one self-contained, printable HTML page (inline CSS, no scripts, nothing external),
/// every value from data HTML-encoded. Commission per creator by revenue type, totals per currency, the creators not
/// paid this period, and for a later version what changed.
/// </summary>
public static class AgencyStatementHtml
{
    /// <summary>The statements' own look (<see cref="HtmlPage"/>), and the badge an agency statement's earlier version wears.</summary>
    private const string Style = HtmlPage.Style + ".badge.Superseded{background:#eceff3;color:#5b6470}\n";

    public static string ToHtml(AgencyStatement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Agency statement ")
            .Append(E(s.Period.ToString())).Append(" — ").Append(E(s.AgencyId)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>Agency statement ").Append(E(s.Period.ToString())).Append(" — ").Append(E(s.AgencyId)).Append("</h1>\n");
        html.Append("<p class=\"muted\"><span class=\"badge ").Append(s.Status).Append("\">").Append(E(s.Status.ToString())).Append("</span> Period ")
            .Append(E(s.Period.ToString())).Append(" (").Append(E(s.Zone)).Append(") · Version ").Append(s.Version)
            .Append(" · Commission is what the agency earns: minus the commission lines of its creators' statements.</p>\n");
        AppendHeadline(html, s);
        AppendChanges(html, s);
        if (s.BlockedReasons.Count > 0)
        {
            html.Append("<h2>Why this agency statement is blocked</h2><ul>");
            foreach (var reason in s.BlockedReasons)
            {
                html.Append("<li>").Append(E(reason.Message)).Append(" <span class=\"muted\">(").Append(E(reason.Code)).Append(")</span></li>");
            }

            html.Append("</ul>\n");
        }

        AppendCreators(html, s);
        AppendUnpaid(html, s);
        html.Append("<footer>Agency statement ").Append(E(s.Id.ToString())).Append(" · content hash ").Append(E(s.ContentHash))
            .Append(" · built from ").Append(E(string.Join(", ", s.Sources.Select(source => source.ToString())))).Append("</footer>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>What the agency earns, big and first, per currency: the figure its finance team looks for.</summary>
    private static void AppendHeadline(StringBuilder html, AgencyStatement s)
    {
        foreach (var t in s.Totals)
        {
            html.Append("<section class=\"payable\" aria-label=\"Commission in ").Append(E(t.Currency.Code)).Append("\"><p class=\"muted\">Commission earned, ")
                .Append(E(t.Currency.Code)).Append("</p><p class=\"amount\">").Append(E(Format(t.Commission.Total))).Append("</p><p>from ")
                .Append(t.Creators).Append(t.Creators == 1 ? " creator" : " creators").Append("</p></section>\n");
        }
    }

    private static void AppendCreators(StringBuilder html, AgencyStatement s)
    {
        if (s.Totals.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"scroll\"><table><thead><tr><th>Creator</th><th>Statement</th><th class=\"num\">Gifts</th><th class=\"num\">Deals</th><th class=\"num\">Bonuses</th>")
            .Append("<th class=\"num\">Prior-period adjustments</th><th class=\"num\">Commission</th></tr></thead><tbody>\n");
        foreach (var c in s.Creators.Where(c => c.Commission is not null))
        {
            html.Append(c.Commission!.Total.IsNegative ? "<tr class=\"neg\">" : "<tr>").Append("<td>").Append(E(c.CreatorId));
            if (c.Status == AgencyCreatorStatus.CarriedForward)
            {
                html.Append(" <span class=\"badge CarriedForward\">carried forward</span>");
            }

            html.Append("</td><td>").Append(E(c.Statement!.Value.ToString())).Append("</td>");
            AppendAmounts(html, c.Commission);
            html.Append("</tr>\n");
        }

        foreach (var t in s.Totals)
        {
            html.Append("<tr class=\"total\"><td>Total ").Append(E(t.Currency.Code)).Append("</td><td>").Append(t.Creators).Append(t.Creators == 1 ? " creator" : " creators").Append("</td>");
            AppendAmounts(html, t.Commission);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void AppendAmounts(StringBuilder html, AgencyCommission m)
    {
        foreach (var money in new[] { m.Gifts, m.Deals, m.Bonuses, m.PriorPeriodAdjustments, m.Total })
        {
            html.Append("<td class=\"num\">").Append(E(Format(money))).Append("</td>");
        }
    }

    private static void AppendUnpaid(StringBuilder html, AgencyStatement s)
    {
        var unpaid = s.Unpaid.ToList();
        if (unpaid.Count == 0)
        {
            return;
        }

        html.Append("<h2>Creators not paid this period</h2><ul>");
        foreach (var c in unpaid)
        {
            html.Append("<li>").Append(E(c.CreatorId)).Append(" — ");
            html.Append(c.Status == AgencyCreatorStatus.Blocked
                ? E($"blocked: the creator's statement could not be built ({string.Join(", ", c.BlockCodes)}); it counts once it is issued")
                : E("carried forward: the creator's balance is below the minimum payout; the commission above is counted"));
            html.Append("</li>");
        }

        html.Append("</ul>\n");
    }

    private static void AppendChanges(StringBuilder html, AgencyStatement s)
    {
        if (s.Supersedes is not { } supersedes)
        {
            return;
        }

        html.Append("<h2>What changed from version ").Append(supersedes).Append("</h2><div class=\"scroll\"><table><tr><th>creator</th><th>before</th><th>after</th></tr>");
        foreach (var change in s.Changes)
        {
            html.Append("<tr><td>").Append(E(change.CreatorId)).Append("</td><td>").Append(E(change.Before?.ToString() ?? "—"))
                .Append("</td><td>").Append(E(change.After?.ToString() ?? "—")).Append("</td></tr>");
        }

        html.Append("</table></div><div class=\"scroll\"><table><tr><th>currency</th><th class=\"num\">before</th><th class=\"num\">after</th><th class=\"num\">difference</th></tr>");
        foreach (var change in s.TotalChanges)
        {
            html.Append("<tr><td>").Append(E(change.Currency.Code)).Append("</td><td class=\"num\">").Append(E(change.Before.ToAmountString()))
                .Append("</td><td class=\"num\">").Append(E(change.After.ToAmountString())).Append("</td><td class=\"num\">").Append(E(change.Difference.ToAmountString())).Append("</td></tr>");
        }

        html.Append("</table></div>\n");
    }

    private static string Format(Money money) =>
        money.Amount.ToString("N" + money.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + money.Currency.Code;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
