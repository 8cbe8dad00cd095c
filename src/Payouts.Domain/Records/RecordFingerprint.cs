using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Payouts.Domain.Records;

/// <summary>
/// The canonical hash of a record's content, the idempotency check behind "same id, same content = duplicate;
/// same id, other content = conflict". It is computed from the parsed record, so JSON property order, white space,
/// "500.00" against "500.0" and "+01:00" against "Z" for the same instant make no difference.
/// </summary>
public static class RecordFingerprint
{
    public static string Of(GiftRecord record) => Hash(new StringBuilder()
        .Field("type", "gift")
        .Field("partnerId", record.PartnerId)
        .Field("recordId", record.RecordId)
        .Field("creatorId", record.CreatorId)
        .Field("liveId", record.LiveId)
        .Field("senderHash", record.SenderHash)
        .Field("giftId", record.GiftId)
        .Field("coinsPerGift", record.CoinsPerGift.ToString(CultureInfo.InvariantCulture))
        .Field("quantity", record.Quantity.ToString(CultureInfo.InvariantCulture))
        .Field("occurredAt", Format(record.OccurredAt))
        .Field("kind", record.Kind == GiftKind.Refund ? "refund" : "gift")
        .Field("originalRecordId", record.OriginalRecordId));

    public static string Of(DealRecord record) => Hash(new StringBuilder()
        .Field("type", "deal")
        .Field("partnerId", record.PartnerId)
        .Field("recordId", record.RecordId)
        .Field("creatorId", record.CreatorId)
        .Field("dealType", record.Type.WireName())
        .Field("brand", record.Brand)
        .Field("amount", record.Amount.CanonicalValue)
        .Field("currency", record.Amount.Unit)
        .Field("earnedAt", Format(record.EarnedAt))
        .Field("reference", record.Reference)
        .Field("agencyCommissionRate", record.AgencyCommissionRate?.Value.ToString("G29", CultureInfo.InvariantCulture)));

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    // Length-prefixed fields: no value can forge a field boundary, and null differs from "".
    private static StringBuilder Field(this StringBuilder builder, string name, string? value) =>
        value is null
            ? builder.Append(name).Append("=-;")
            : builder.Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append(';');

    private static string Hash(StringBuilder canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
}
