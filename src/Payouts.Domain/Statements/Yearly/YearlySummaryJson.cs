using System.Text.Json;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>The yearly summary for machines: fixed property order, amounts as exact decimal strings, months 1–12 in every currency.</summary>
public static class YearlySummaryJson
{
    public static byte[] ToUtf8(YearlySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("creatorId", summary.CreatorId);
            if (summary.DisplayName is { } name)
            {
                w.WriteString("displayName", name);
            }

            w.WriteNumber("year", summary.Year);
            w.WriteStartArray("statements");
            foreach (var statement in summary.Statements)
            {
                WriteStatement(w, statement);
            }

            w.WriteEndArray();
            w.WriteStartArray("blocked");
            foreach (var period in summary.Blocked)
            {
                w.WriteStringValue(period.ToString());
            }

            w.WriteEndArray();
            w.WriteStartArray("currencies");
            foreach (var currency in summary.Currencies)
            {
                WriteCurrency(w, currency);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteStatement(Utf8JsonWriter w, YearStatement statement)
    {
        var f = statement.Figures;
        w.WriteStartObject();
        w.WriteString("statementId", f.Id.ToString());
        w.WriteString("period", f.Id.Period.ToString());
        w.WriteNumber("version", f.Id.Version);
        w.WriteString("status", StatementJson.Camel((statement.IsCounted ? f.Status : StatementStatus.Superseded).ToString()));
        if (statement.SupersededBy is { } by)
        {
            w.WriteNumber("supersededBy", by);
        }

        w.WriteBoolean("counted", statement.IsCounted);
        w.WriteString("currency", f.Currency.Code);
        Money(w, "gifts", f.Gifts);
        Money(w, "deals", f.Deals);
        Money(w, "bonuses", f.Bonuses);
        Money(w, "adjustments", f.Adjustments);
        Money(w, "agencyCommission", f.AgencyCommission);
        Money(w, "withholding", f.Withholding);
        Money(w, "net", f.Net);
        Money(w, "broughtForward", f.BroughtForward);
        Money(w, "payable", f.Payable);
        Money(w, "carriedForward", f.CarriedForward);
        w.WriteEndObject();
    }

    private static void WriteCurrency(Utf8JsonWriter w, CurrencyYear year)
    {
        var t = year.Totals;
        w.WriteStartObject();
        w.WriteString("currency", year.Currency.Code);
        w.WriteStartObject("totals");
        Money(w, "gifts", t.Gifts);
        Money(w, "deals", t.Deals);
        Money(w, "bonuses", t.Bonuses);
        Money(w, "adjustments", t.Adjustments);
        Money(w, "gross", t.Gross);
        Money(w, "agencyCommission", t.AgencyCommission);
        Money(w, "withholding", t.Withholding);
        Money(w, "net", t.Net);
        Money(w, "payable", t.Payable);
        Money(w, "broughtForward", t.BroughtForward);
        Money(w, "carriedForward", t.CarriedForward);
        w.WriteEndObject();
        w.WriteStartArray("months");
        foreach (var month in year.Months)
        {
            w.WriteStartObject();
            w.WriteNumber("month", month.Month);
            w.WriteNumber("statements", month.Statements);
            Money(w, "net", month.Net);
            Money(w, "payable", month.Payable);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Money(Utf8JsonWriter w, string name, Money money) => w.WriteString(name, money.ToAmountString());
}
