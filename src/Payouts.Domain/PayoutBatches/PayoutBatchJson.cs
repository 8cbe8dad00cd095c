using System.Text.Json;
using NodaTime.Text;
using Payouts.Domain.PayoutDetails;

namespace Payouts.Domain.PayoutBatches;

/// <summary>
/// The batch's summary as JSON properties (the caller owns the enclosing object): its rows with masked accounts, the
/// totals per currency, what the transfer file pays and which rows (and blocked creators) it leaves out, and why. Each
/// row says what earlier versions did for it (<c>alreadyBatchedIn</c>, <c>alreadyTransferred</c>) and what this
/// version's file transfers (<c>toTransfer</c>). No IBAN or name in clear.
/// </summary>
public static class PayoutBatchJson
{
    public static void WriteProperties(Utf8JsonWriter json, PayoutBatch batch)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(batch);
        json.WriteString("period", batch.Period.ToString());
        json.WriteNumber("version", batch.Version);
        json.WriteString("messageId", batch.MessageId);
        json.WriteString("createdAt", InstantPattern.ExtendedIso.Format(batch.CreatedAt));
        json.WriteString("executionDate", LocalDatePattern.Iso.Format(batch.ExecutionDate));
        var excluded = batch.Exclusions.ToDictionary(e => e.Row);
        json.WriteStartArray("rows");
        foreach (var row in batch.Rows)
        {
            json.WriteStartObject();
            json.WriteString("statementId", row.StatementId.ToString());
            json.WriteString("creatorId", row.CreatorId);
            json.WriteString("currency", row.Currency.Code);
            json.WriteString("payable", row.Payable.ToAmountString());
            json.WriteString("method", PayoutMethodNames.Of(row.Method));
            if (row.Details?.Iban is { } iban)
            {
                json.WriteString("account", iban.Masked);
            }

            json.WriteBoolean("inTransferFile", !excluded.ContainsKey(row));
            if (!excluded.ContainsKey(row))
            {
                json.WriteString("endToEndId", EndToEndId.For(row.StatementId));
                json.WriteString("toTransfer", row.ToTransfer.ToAmountString());
            }

            if (row.AlreadyBatchedIn is { } batchedIn)
            {
                json.WriteNumber("alreadyBatchedIn", batchedIn);
            }

            json.WriteString("alreadyTransferred", row.AlreadyTransferred.ToAmountString());
            if (row.LastTransferredIn is { } transferredIn)
            {
                json.WriteNumber("lastTransferredIn", transferredIn);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("totals");
        foreach (var total in batch.Totals)
        {
            json.WriteStartObject(total.Currency.Code);
            json.WriteNumber("rows", total.Count);
            json.WriteString("payable", total.Total.ToAmountString());
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("transferFile");
        json.WriteString("format", "pain.001.001.09");
        json.WriteNumber("transactions", batch.Transfers.Count);
        json.WriteString("controlSum", batch.TransferTotal.ToAmountString());
        json.WriteString("currency", batch.TransferTotal.Currency.Code);
        json.WriteString("alreadyTransferred", batch.AlreadyTransferredTotal.ToAmountString());
        json.WriteEndObject();
        json.WriteStartArray("excluded");
        foreach (var exclusion in batch.Exclusions)
        {
            json.WriteStartObject();
            json.WriteString("statementId", exclusion.Row.StatementId.ToString());
            json.WriteString("creatorId", exclusion.Row.CreatorId);
            json.WriteString("reason", exclusion.Code);
            json.WriteString("message", exclusion.Message);
            json.WriteEndObject();
        }

        foreach (var blocked in batch.Blocked)
        {
            json.WriteStartObject();
            json.WriteString("creatorId", blocked.CreatorId);
            json.WriteString("reason", TransferExclusionCodes.StatementBlocked);
            json.WriteString("message", BlockedMessage(batch, blocked));
            json.WriteStartArray("blockCodes");
            foreach (var code in blocked.Codes)
            {
                json.WriteStringValue(code);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Why a blocked creator is not paid, and what pays them.</summary>
    public static string BlockedMessage(PayoutBatch batch, BlockedCreator blocked)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(blocked);
        return $"the creator's statement of {batch.Period} is blocked ({string.Join(", ", blocked.Codes)}): not paid in this batch; "
            + $"fix the data and close the period again (GET /api/periods/{batch.Period} lists the reasons), and the next version pays it";
    }
}
