using System.Text.Json;
using Payouts.Application.Statements;

namespace Payouts.Application.Agencies;

/// <summary>
/// The <c>agencyStatement.issued</c> webhook an agency receives for every version of its statement: identity, the
/// version it supersedes, commission totals per currency (as text and in minor units), how many creators it lists and
/// how many are not paid this period, the content hash, links to the documents, and the delivery id to dedupe on.
/// </summary>
public static class AgencyStatementMessage
{
    public const string IssuedEvent = "agencyStatement.issued";

    public static string Create(AgencyStatementHeader header, Func<string, Uri> documentUri, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(documentUri);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", IssuedEvent);
            writer.WriteString("deliveryId", deliveryId);
            writer.WriteString("agencyStatementId", header.Id.ToString());
            writer.WriteString("agencyId", header.AgencyId);
            writer.WriteString("period", header.Period.ToString());
            writer.WriteNumber("version", header.Id.Version);
            if (header.Supersedes is { } supersedes)
            {
                writer.WriteNumber("supersedes", supersedes);
            }

            writer.WriteNumber("creators", header.Creators);
            writer.WriteNumber("notPaidThisPeriod", header.Unpaid);
            writer.WriteStartArray("totals");
            foreach (var total in header.Totals)
            {
                writer.WriteStartObject();
                writer.WriteString("currency", total.Currency.Code);
                writer.WriteString("commission", total.Commission.Total.ToAmountString());
                writer.WriteNumber("commissionMinor", total.Commission.Total.MinorUnits);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("contentHash", header.ContentHash);
            StatementFormats.WriteLinks(writer, StatementFormats.Agency, documentUri);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
