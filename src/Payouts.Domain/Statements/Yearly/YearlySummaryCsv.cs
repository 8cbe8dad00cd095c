using System.Globalization;
using System.Text;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>The yearly summary for spreadsheets: who and which year, the statements table, then per currency its totals and months.</summary>
public static class YearlySummaryCsv
{
    public static byte[] ToUtf8(YearlySummary summary) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ToCsv(summary))];

    public static string ToCsv(YearlySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new StringBuilder();
        CsvCells.Row(csv, "creatorId", CsvCells.Text(summary.CreatorId));
        CsvCells.Row(csv, "displayName", CsvCells.Text(summary.DisplayName));
        CsvCells.Row(csv, "year", Number(summary.Year));
        CsvCells.Row(csv);
        CsvCells.Row(csv, "statementId", "period", "version", "status", "currency", "gifts", "deals", "bonuses", "adjustments", "agencyCommission", "withholding", "net", "broughtForward", "payable", "carriedForward", "supersededBy");
        foreach (var s in summary.Statements)
        {
            var f = s.Figures;
            CsvCells.Row(
                csv, CsvCells.Text(f.Id.ToString()), f.Id.Period.ToString(), Number(f.Id.Version), (s.IsCounted ? f.Status : StatementStatus.Superseded).ToString(), f.Currency.Code,
                f.Gifts.ToAmountString(), f.Deals.ToAmountString(), f.Bonuses.ToAmountString(), f.Adjustments.ToAmountString(), f.AgencyCommission.ToAmountString(),
                f.Withholding.ToAmountString(), f.Net.ToAmountString(), f.BroughtForward.ToAmountString(), f.Payable.ToAmountString(), f.CarriedForward.ToAmountString(),
                s.SupersededBy is { } by ? $"v{Number(by)}" : null);
        }

        foreach (var period in summary.Blocked)
        {
            CsvCells.Row(csv, "blocked", period.ToString());
        }

        foreach (var year in summary.Currencies)
        {
            var t = year.Totals;
            CsvCells.Row(csv);
            CsvCells.Row(csv, "currency", year.Currency.Code);
            foreach (var (label, money) in new[]
            {
                ("gifts", t.Gifts), ("deals", t.Deals), ("bonuses", t.Bonuses), ("adjustments", t.Adjustments), ("gross", t.Gross),
                ("agencyCommission", t.AgencyCommission), ("withholding", t.Withholding), ("net", t.Net), ("payable", t.Payable),
                ("broughtForward", t.BroughtForward), ("carriedForward", t.CarriedForward),
            })
            {
                CsvCells.Row(csv, label, money.ToAmountString());
            }

            CsvCells.Row(csv, "month", "statements", "net", "payable");
            foreach (var month in year.Months)
            {
                CsvCells.Row(csv, Number(month.Month), Number(month.Statements), month.Net.ToAmountString(), month.Payable.ToAmountString());
            }
        }

        return csv.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
