using System.Text.Json;
using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Storage.PayoutDetails;

namespace Payouts.Storage.PayoutBatches;

/// <summary>
/// What a stored batch version holds: its period, version and rows (statement, currency, payable in minor units, the
/// payout details then in force with IBAN and name sealed under the batch's own context; what earlier versions did for
/// it: <c>alreadyBatchedIn</c>, <c>alreadyTransferredMinor</c>, <c>lastTransferredIn</c>), and the blocked creators
/// with their codes. Everything a rendering needs (a manifest without those fields: nothing earlier, none blocked),
/// so a version renders the same bytes whenever it is read; nothing personal in clear.
/// </summary>
internal static class PayoutBatchManifest
{
    public static byte[] ToUtf8(PayoutBatch batch, PayoutDetailsCipher cipher)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("period", batch.Period.ToString());
            json.WriteNumber("version", batch.Version);
            json.WriteString("keyId", cipher.KeyId);
            json.WriteStartArray("rows");
            foreach (var row in batch.Rows)
            {
                json.WriteStartObject();
                json.WriteString("statementId", row.StatementId.ToString());
                json.WriteString("currency", row.Currency.Code);
                json.WriteNumber("payableMinor", row.Payable.MinorUnits);
                if (row.AlreadyBatchedIn is { } batchedIn)
                {
                    json.WriteNumber("alreadyBatchedIn", batchedIn);
                }

                if (row.AlreadyTransferredMinor != 0)
                {
                    json.WriteNumber("alreadyTransferredMinor", row.AlreadyTransferredMinor);
                }

                if (row.LastTransferredIn is { } transferredIn)
                {
                    json.WriteNumber("lastTransferredIn", transferredIn);
                }

                if (row.Details is { } details)
                {
                    var sealedDetails = SealedPayoutDetails.Seal(cipher, details, Context(batch.Period, batch.Version, row.StatementId));
                    json.WriteStartObject("details");
                    json.WriteString("method", sealedDetails.Method);
                    json.WriteString("ibanSealed", sealedDetails.Iban);
                    json.WriteString("bic", sealedDetails.Bic);
                    json.WriteString("holderSealed", sealedDetails.Holder);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("blocked");
            foreach (var blocked in batch.Blocked)
            {
                json.WriteStartObject();
                json.WriteString("creatorId", blocked.CreatorId);
                json.WriteStartArray("codes");
                foreach (var code in blocked.Codes)
                {
                    json.WriteStringValue(code);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static PayoutBatch Read(BinaryData content, PayoutDetailsCipher cipher, PeriodCalendar calendar)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        var period = PeriodKey.Parse(root.GetProperty("period").GetString()!);
        var version = root.GetProperty("version").GetInt32();
        if (!string.Equals(root.GetProperty("keyId").GetString(), cipher.KeyId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Payout batch {period} v{version} was sealed with another Payouts:PayoutDetailsKey than the configured one ({cipher.KeyId}).");
        }

        var rows = root.GetProperty("rows").EnumerateArray().Select(row =>
        {
            var id = StatementId.TryParse(row.GetProperty("statementId").GetString(), out var parsed) ? parsed : throw new InvalidDataException($"Bad statement id in payout batch {period} v{version}.");
            var payable = new Money(row.GetProperty("payableMinor").GetInt64(), Currency.FromCode(row.GetProperty("currency").GetString()!));
            var details = row.TryGetProperty("details", out var d)
                ? new SealedPayoutDetails(d.GetProperty("method").GetString()!, d.GetProperty("ibanSealed").GetString(), d.GetProperty("bic").GetString(), d.GetProperty("holderSealed").GetString()!)
                    .Open(cipher, id.CreatorId, Context(period, version, id))
                : null;
            return new PayoutBatchRow(id, payable, details)
            {
                AlreadyBatchedIn = row.TryGetProperty("alreadyBatchedIn", out var b) ? b.GetInt32() : null,
                AlreadyTransferredMinor = row.TryGetProperty("alreadyTransferredMinor", out var t) ? t.GetInt64() : 0,
                LastTransferredIn = row.TryGetProperty("lastTransferredIn", out var l) ? l.GetInt32() : null,
            };
        });
        var blocked = root.TryGetProperty("blocked", out var list)
            ? list.EnumerateArray().Select(b => BlockedCreator.Of(b.GetProperty("creatorId").GetString()!, b.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!))).ToList()
            : [];
        return PayoutBatch.Create(calendar, period, version, [.. rows], blocked);
    }

    private static string Context(PeriodKey period, int version, StatementId statement) => $"payout-batch|{period}|v{version}|{statement}";
}
