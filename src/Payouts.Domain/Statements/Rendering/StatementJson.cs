using System.Globalization;
using System.Text.Json;
using NodaTime.Text;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// The machine-readable statement: canonical (fixed property order, amounts as exact decimal strings), so the same
/// statement always serialises to the same bytes and its hash can be checked by anyone.
/// </summary>
public static class StatementJson
{
    public enum Content
    {
        /// <summary>The whole document, as published.</summary>
        Full,

        /// <summary>What the content hash covers: all but the hash and the issue time.</summary>
        HashedOnly,
    }

    public static byte[] ToUtf8(Statement statement, Content content = Content.Full)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = content == Content.Full }))
        {
            Write(writer, statement, content);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, Statement statement, Content content)
    {
        writer.WriteStartObject();
        writer.WriteString("statementId", statement.Id.ToString());
        writer.WriteString("creatorId", statement.CreatorId);
        WriteOptional(writer, "displayName", statement.DisplayName);
        writer.WriteString("period", statement.Period.ToString());
        writer.WriteString("zone", statement.Zone);
        writer.WriteNumber("version", statement.Version);
        writer.WriteString("status", Camel(statement.Status.ToString()));
        WriteOptional(writer, "currency", statement.Currency?.Code);
        WriteOptional(writer, "agencyId", statement.AgencyId);
        WriteOptional(writer, "contractVersion", statement.ContractVersion);
        WriteOptional(writer, "correctionReason", statement.CorrectionReason);
        if (content == Content.Full && statement.IssuedAt is { } issuedAt)
        {
            writer.WriteString("issuedAt", InstantPattern.ExtendedIso.Format(issuedAt));
        }

        writer.WriteStartArray("lines");
        for (var i = 0; i < statement.Lines.Count; i++)
        {
            WriteLine(writer, i + 1, statement.Lines[i]);
        }

        writer.WriteEndArray();
        if (statement.Totals is { } totals)
        {
            WriteTotals(writer, totals);
        }

        WriteOptional(writer, "payoutDate", statement.PayoutDate is { } payoutDate ? LocalDatePattern.Iso.Format(payoutDate) : null);

        if (statement.Gifts is { } gifts)
        {
            writer.WriteStartObject("giftSummary");
            writer.WriteNumber("coins", gifts.Coins.Value);
            WriteDecimal(writer, "diamonds", gifts.Diamonds.Value);
            WriteDecimal(writer, "usd", gifts.Usd);
            WriteDecimal(writer, "grossGiftUsd", gifts.GrossGiftUsd);
            WriteDecimal(writer, "platformShareUsd", gifts.PlatformShareUsd);
            writer.WriteEndObject();
        }

        if (statement.Earnings is { } earnings)
        {
            WriteEarnings(writer, earnings);
        }

        WriteRates(writer, "ratesUsed", statement.RatesUsed);
        if (statement.Supersedes is { } supersedes)
        {
            WriteChanges(writer, supersedes, statement);
        }

        writer.WriteStartArray("blockedReasons");
        foreach (var reason in statement.BlockedReasons)
        {
            writer.WriteStringValue(reason);
        }

        writer.WriteEndArray();
        if (content == Content.Full)
        {
            writer.WriteString("contentHash", statement.ContentHash);
        }

        writer.WriteEndObject();
    }

    /// <summary>Exact decimal text with no trailing zeros and no exponent: 71.9877, 15649.5, 0.005.</summary>
    public static string FormatDecimal(decimal value)
    {
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    internal static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static void WriteChanges(Utf8JsonWriter writer, int supersedes, Statement statement)
    {
        writer.WriteNumber("supersedes", supersedes);
        WriteOptional(writer, "payableDifference", statement.PayableDifference?.ToAmountString());
        writer.WriteStartArray("changes");
        foreach (var change in statement.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", Camel(change.Kind.ToString()));
            writer.WriteString("description", change.Description);
            WriteOptional(writer, "originalPeriod", change.OriginalPeriod?.ToString());
            WriteOptional(writer, "recordId", change.RecordId);
            WriteOptional(writer, "before", change.Before?.ToAmountString());
            WriteOptional(writer, "after", change.After?.ToAmountString());
            writer.WriteString("difference", change.Difference.ToAmountString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteLine(Utf8JsonWriter writer, int number, StatementLine line)
    {
        writer.WriteStartObject();
        writer.WriteNumber("number", number);
        writer.WriteString("kind", Camel(line.Kind.ToString()));
        WriteOptional(writer, "revenue", line.Revenue is { } revenue ? Camel(revenue.ToString()) : null);
        writer.WriteString("description", line.Description);
        WriteMoney(writer, "amount", line.Amount);
        WriteOptional(writer, "originalPeriod", line.OriginalPeriod?.ToString());
        WriteOptional(writer, "earnedOn", line.EarnedOn is { } earnedOn ? LocalDatePattern.Iso.Format(earnedOn) : null);
        writer.WriteStartObject("sources");
        writer.WriteNumber("records", line.Sources.Records);
        writer.WriteNumber("gifts", line.Sources.Gifts);
        writer.WriteNumber("refunds", line.Sources.Refunds);
        writer.WriteEndObject();
        WriteOptional(writer, "partnerId", line.PartnerId);
        WriteOptional(writer, "recordId", line.RecordId);
        WriteOptional(writer, "brand", line.Brand);
        WriteOptional(writer, "reference", line.Reference);
        if (line.Coins is { } coins)
        {
            writer.WriteNumber("coins", coins.Value);
        }

        WriteOptionalDecimal(writer, "diamonds", line.Diamonds?.Value);
        WriteOptionalDecimal(writer, "usd", line.Usd);
        WriteOptionalDecimal(writer, "grossGiftUsd", line.GrossGiftUsd);
        WriteOptionalDecimal(writer, "platformShareUsd", line.PlatformShareUsd);
        if (line.SourceAmount is { } source)
        {
            writer.WriteStartObject("sourceAmount");
            WriteDecimal(writer, "value", source.Value);
            writer.WriteString("unit", source.Unit);
            writer.WriteEndObject();
        }

        WriteOptionalDecimal(writer, "agencyCommissionOverride", line.AgencyCommissionOverride?.Value);
        WriteOptionalDecimal(writer, "rate", line.Rate?.Value);
        if (line.Base is { } basis)
        {
            WriteMoney(writer, "base", basis);
        }

        WriteRates(writer, "rates", line.Rates);
        writer.WriteEndObject();
    }

    /// <summary>Every day of the period (zeros included, so a chart needs nothing else), the LIVEs and the top gifts.</summary>
    private static void WriteEarnings(Utf8JsonWriter writer, EarningsBreakdown earnings)
    {
        writer.WriteStartObject("earnings");
        writer.WriteStartArray("days");
        foreach (var day in earnings.Days)
        {
            writer.WriteStartObject();
            writer.WriteString("date", LocalDatePattern.Iso.Format(day.Date));
            WriteMoney(writer, "gifts", day.Gifts);
            WriteMoney(writer, "deals", day.Deals);
            WriteMoney(writer, "bonuses", day.Bonuses);
            WriteMoney(writer, "total", day.Total);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("lives");
        foreach (var live in earnings.Lives)
        {
            writer.WriteStartObject();
            writer.WriteString("liveId", live.LiveId);
            writer.WriteString("firstDay", LocalDatePattern.Iso.Format(live.FirstDay));
            writer.WriteNumber("gifts", live.Gifts);
            writer.WriteNumber("coins", live.Coins.Value);
            WriteMoney(writer, "amount", live.Amount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("topGifts");
        foreach (var gift in earnings.TopGifts)
        {
            writer.WriteStartObject();
            writer.WriteString("giftId", gift.GiftId);
            writer.WriteNumber("gifts", gift.Gifts);
            writer.WriteNumber("coins", gift.Coins.Value);
            WriteMoney(writer, "amount", gift.Amount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTotals(Utf8JsonWriter writer, StatementTotals totals)
    {
        writer.WriteStartObject("totals");
        WriteMoney(writer, "gifts", totals.Gifts);
        WriteMoney(writer, "deals", totals.Deals);
        WriteMoney(writer, "bonuses", totals.Bonuses);
        WriteMoney(writer, "agencyCommission", totals.AgencyCommission);
        WriteMoney(writer, "withholding", totals.Withholding);
        WriteMoney(writer, "net", totals.Net);
        WriteMoney(writer, "broughtForward", totals.BroughtForward);
        WriteMoney(writer, "balance", totals.Balance);
        WriteMoney(writer, "minimumPayout", totals.MinimumPayout);
        WriteMoney(writer, "payable", totals.Payable);
        WriteMoney(writer, "carriedForward", totals.CarriedForward);
        writer.WriteEndObject();
    }

    private static void WriteRates(Utf8JsonWriter writer, string name, IReadOnlyList<AppliedRate> rates)
    {
        writer.WriteStartArray(name);
        foreach (var rate in rates)
        {
            writer.WriteStartObject();
            writer.WriteString("name", rate.Name);
            writer.WriteString("versionId", rate.VersionId);
            WriteOptional(writer, "from", rate.From is { } from ? LocalDatePattern.Iso.Format(from) : null);
            WriteDecimal(writer, "value", rate.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteMoney(Utf8JsonWriter writer, string name, Money money) => writer.WriteString(name, money.ToAmountString());

    private static void WriteDecimal(Utf8JsonWriter writer, string name, decimal value) => writer.WriteString(name, FormatDecimal(value));

    private static void WriteOptionalDecimal(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            WriteDecimal(writer, name, v);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
