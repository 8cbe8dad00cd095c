using System.Text.Json;
using NodaTime.Text;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Agencies.Rendering;

/// <summary>
/// The machine-readable agency statement: canonical (fixed property order, amounts as exact decimal strings in the
/// creator statement's currency), so the same statement always serialises to the same bytes and its hash can be
/// checked by anyone. Commission is what the agency earns (positive): minus the creator statements' commission lines.
/// </summary>
public static class AgencyStatementJson
{
    /// <param name="content">The whole document, or what the content hash covers (as for creator statements).</param>
    public static byte[] ToUtf8(AgencyStatement statement, StatementJson.Content content = StatementJson.Content.Full)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = content == StatementJson.Content.Full }))
        {
            Write(writer, statement, content);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, AgencyStatement s, StatementJson.Content content)
    {
        writer.WriteStartObject();
        writer.WriteString("agencyStatementId", s.Id.ToString());
        writer.WriteString("agencyId", s.AgencyId);
        writer.WriteString("period", s.Period.ToString());
        writer.WriteString("zone", s.Zone);
        writer.WriteNumber("version", s.Version);
        writer.WriteString("status", StatementJson.Camel(s.Status.ToString()));
        if (content == StatementJson.Content.Full && s.IssuedAt is { } issuedAt)
        {
            writer.WriteString("issuedAt", InstantPattern.ExtendedIso.Format(issuedAt));
        }

        writer.WriteStartArray("creators");
        foreach (var creator in s.Creators.Where(c => c.Commission is not null))
        {
            writer.WriteStartObject();
            writer.WriteString("creatorId", creator.CreatorId);
            writer.WriteString("status", StatementJson.Camel(creator.Status.ToString()));
            writer.WriteString("statementId", creator.Statement!.Value.ToString());
            writer.WriteString("contentHash", creator.ContentHash);
            writer.WriteString("currency", creator.Currency!.Code);
            WriteCommission(writer, "commission", creator.Commission!);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("totals");
        foreach (var total in s.Totals)
        {
            writer.WriteStartObject();
            writer.WriteString("currency", total.Currency.Code);
            writer.WriteNumber("creators", total.Creators);
            WriteCommission(writer, "commission", total.Commission);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("notPaidThisPeriod");
        foreach (var creator in s.Unpaid)
        {
            writer.WriteStartObject();
            writer.WriteString("creatorId", creator.CreatorId);
            writer.WriteString("status", StatementJson.Camel(creator.Status.ToString()));
            if (creator.Statement is { } statement)
            {
                writer.WriteString("statementId", statement.ToString());
            }

            if (creator.Status == AgencyCreatorStatus.Blocked)
            {
                WriteStrings(writer, "blockCodes", creator.BlockCodes);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (s.Supersedes is { } supersedes)
        {
            WriteChanges(writer, supersedes, s);
        }

        WriteStrings(writer, "sources", s.Sources.Select(source => source.ToString()));
        writer.WriteStartArray("blockedReasons");
        foreach (var reason in s.BlockedReasons)
        {
            writer.WriteStartObject();
            writer.WriteString("code", reason.Code);
            writer.WriteString("message", reason.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (content == StatementJson.Content.Full)
        {
            writer.WriteString("contentHash", s.ContentHash);
        }

        writer.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter writer, int supersedes, AgencyStatement s)
    {
        writer.WriteNumber("supersedes", supersedes);
        writer.WriteStartArray("changes");
        foreach (var change in s.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("creatorId", change.CreatorId);
            WriteOptional(writer, "before", change.Before?.ToString());
            WriteOptional(writer, "after", change.After?.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("totalChanges");
        foreach (var change in s.TotalChanges)
        {
            writer.WriteStartObject();
            writer.WriteString("currency", change.Currency.Code);
            writer.WriteString("before", change.Before.ToAmountString());
            writer.WriteString("after", change.After.ToAmountString());
            writer.WriteString("difference", change.Difference.ToAmountString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteCommission(Utf8JsonWriter writer, string name, AgencyCommission commission)
    {
        writer.WriteStartObject(name);
        WriteMoney(writer, "gifts", commission.Gifts);
        WriteMoney(writer, "deals", commission.Deals);
        WriteMoney(writer, "bonuses", commission.Bonuses);
        WriteMoney(writer, "priorPeriodAdjustments", commission.PriorPeriodAdjustments);
        WriteMoney(writer, "total", commission.Total);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteMoney(Utf8JsonWriter writer, string name, Money money) => writer.WriteString(name, money.ToAmountString());

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
