using System.Text.Json;

namespace Payouts.Application.Statements;

/// <summary>
/// What the payment system receives on <c>payout-statements</c>, and what a webhook delivers: the statement's identity,
/// money in minor units and as text, its content hash, links to the documents, and the delivery id to dedupe on.
/// </summary>
public static class PayoutStatementMessage
{
    public const string IssuedEvent = "statement.issued";

    /// <summary>A new version of a statement replaced an issued one.</summary>
    public const string ReissuedEvent = "statement.reissued";

    public static string EventOf(StatementHeader header) => header.Supersedes is null ? IssuedEvent : ReissuedEvent;

    /// <summary>The payment system's queue.</summary>
    public const string Queue = "payout-statements";

    public static string Create(StatementHeader header, Func<string, Uri> documentUri, string deliveryId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", EventOf(header));
            writer.WriteString("deliveryId", deliveryId);
            writer.WriteString("statementId", header.Id.ToString());
            writer.WriteString("creatorId", header.CreatorId);
            writer.WriteString("agencyId", header.AgencyId);
            writer.WriteString("period", header.Period.ToString());
            writer.WriteNumber("version", header.Id.Version);
            writer.WriteString("status", header.Status.ToString());
            writer.WriteString("currency", header.Currency.Code);
            writer.WriteString("payable", header.Amount(header.Totals.Payable).ToAmountString());
            writer.WriteNumber("payableMinor", header.Totals.Payable);
            writer.WriteString("carriedForward", header.Amount(header.Totals.CarriedForward).ToAmountString());
            if (header.Supersedes is { } supersedes)
            {
                writer.WriteNumber("supersedes", supersedes);
                writer.WriteString("payableDifference", header.Amount(header.PayableDifference ?? 0).ToAmountString());
                writer.WriteString("correctionReason", header.CorrectionReason);
            }

            writer.WriteString("contentHash", header.ContentHash);
            StatementFormats.WriteLinks(writer, header.Formats, documentUri);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
