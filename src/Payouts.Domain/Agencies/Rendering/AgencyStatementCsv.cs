using System.Globalization;
using System.Text;
using NodaTime.Text;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Agencies.Rendering;

/// <summary>
/// The agency statement for spreadsheets: a key/value header block, one row per creator with the commission by revenue
/// type, the totals per currency, then the creators not paid this period. Amounts are plain invariant decimals; every
/// identifier and free text is formula-safe (<see cref="CsvCells"/>); UTF-8 with a BOM.
/// </summary>
public static class AgencyStatementCsv
{
    public static byte[] ToUtf8(AgencyStatement statement) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ToCsv(statement))];

    public static string ToCsv(AgencyStatement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var csv = new StringBuilder();
        CsvCells.Row(csv, "agencyStatementId", CsvCells.Text(s.Id.ToString()));
        CsvCells.Row(csv, "agencyId", CsvCells.Text(s.AgencyId));
        CsvCells.Row(csv, "period", s.Period.ToString());
        CsvCells.Row(csv, "zone", s.Zone);
        CsvCells.Row(csv, "status", s.Status.ToString());
        CsvCells.Row(csv, "version", s.Version.ToString(CultureInfo.InvariantCulture));
        CsvCells.Row(csv, "issuedAt", s.IssuedAt is { } at ? InstantPattern.ExtendedIso.Format(at) : null);
        CsvCells.Row(csv, "contentHash", s.ContentHash);
        CsvCells.Row(csv);
        CsvCells.Row(csv, "creatorId", "status", "statementId", "currency", "gifts", "deals", "bonuses", "priorPeriodAdjustments", "commission");
        foreach (var c in s.Creators.Where(c => c.Commission is not null))
        {
            var m = c.Commission!;
            CsvCells.Row(csv, CsvCells.Text(c.CreatorId), c.Status.ToString(), CsvCells.Text(c.Statement!.Value.ToString()), m.Currency.Code,
                m.Gifts.ToAmountString(), m.Deals.ToAmountString(), m.Bonuses.ToAmountString(), m.PriorPeriodAdjustments.ToAmountString(), m.Total.ToAmountString());
        }

        CsvCells.Row(csv);
        CsvCells.Row(csv, "total", "creators", "currency", "gifts", "deals", "bonuses", "priorPeriodAdjustments", "commission");
        foreach (var t in s.Totals)
        {
            var m = t.Commission;
            CsvCells.Row(csv, "total", t.Creators.ToString(CultureInfo.InvariantCulture), t.Currency.Code,
                m.Gifts.ToAmountString(), m.Deals.ToAmountString(), m.Bonuses.ToAmountString(), m.PriorPeriodAdjustments.ToAmountString(), m.Total.ToAmountString());
        }

        CsvCells.Row(csv);
        foreach (var c in s.Unpaid)
        {
            CsvCells.Row(csv, "notPaidThisPeriod", CsvCells.Text(c.CreatorId), c.Status.ToString(), CsvCells.Text(c.Statement?.ToString()), CsvCells.Text(string.Join(' ', c.BlockCodes)));
        }

        if (s.Supersedes is { } supersedes)
        {
            CsvCells.Row(csv, "supersedes", $"v{supersedes}");
            foreach (var change in s.Changes)
            {
                CsvCells.Row(csv, "changed", CsvCells.Text(change.CreatorId), CsvCells.Text(change.Before?.ToString()), CsvCells.Text(change.After?.ToString()));
            }

            foreach (var change in s.TotalChanges)
            {
                CsvCells.Row(csv, "totalChanged", change.Currency.Code, change.Before.ToAmountString(), change.After.ToAmountString(), change.Difference.ToAmountString());
            }
        }

        foreach (var reason in s.BlockedReasons)
        {
            CsvCells.Row(csv, "blocked", reason.Code, CsvCells.Text(reason.Message));
        }

        return csv.ToString();
    }
}
