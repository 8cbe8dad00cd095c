using System.Text.Json;
using Azure.Data.Tables;

namespace Payouts.Storage.Statements;

/// <summary>
/// What the payment system receives on <c>payout-statements</c>, and what a webhook delivers:
/// the statement's identity, money in minor units and as text, its content hash, and links to the documents.
/// </summary>
public static class PayoutStatementMessage
{
    public static string Create(TableEntity header, Func<string, Uri> documentUri)
    {
        var currency = Domain.Monetary.Currency.FromCode(header.GetString("Currency"));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", "statement.issued");
            writer.WriteString("statementId", header.GetString("StatementId"));
            writer.WriteString("creatorId", header.PartitionKey);
            writer.WriteString("agencyId", header.GetString("AgencyId"));
            writer.WriteString("period", header.GetString("Period"));
            writer.WriteNumber("version", header.GetInt32("Version") ?? 1);
            writer.WriteString("status", header.GetString("Status"));
            writer.WriteString("currency", currency.Code);
            writer.WriteString("payable", new Domain.Monetary.Money(header.GetInt64("PayableMinor") ?? 0, currency).ToAmountString());
            writer.WriteNumber("payableMinor", header.GetInt64("PayableMinor") ?? 0);
            writer.WriteString("carriedForward", new Domain.Monetary.Money(header.GetInt64("CarriedForwardMinor") ?? 0, currency).ToAmountString());
            writer.WriteString("contentHash", header.GetString("ContentHash"));
            writer.WriteStartObject("documents");
            foreach (var format in StatementDocuments.ContentTypes.Keys)
            {
                writer.WriteString(format, documentUri(format).ToString());
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
