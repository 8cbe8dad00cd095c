using System.Collections.Frozen;
using System.Text.Json;

namespace Payouts.Domain.Records.Validation;

/// <summary>Turns one JSON gift record of the HTTP/queue contract into a <see cref="GiftRecord"/>, or every reason it cannot be one.</summary>
public static class GiftRecordReader
{
    /// <summary>Twice the dearest catalog gift (Universe, 44,999 coins): more is a partner bug, not a gift.</summary>
    public const int MaxCoinsPerGift = 100_000;

    /// <summary>
    /// A finished streak is a few thousand gifts at most. With <see cref="MaxCoinsPerGift"/> a record is at most 10^10
    /// coins: valued at any rates the admin API admits (each at most 10^6) that is at most 10^28, inside decimal's range,
    /// and at the quoted rates it is far inside the per-statement bound in every payout currency (docs/statements.md, "Limits").
    /// </summary>
    public const int MaxQuantity = 100_000;

    private static readonly FrozenDictionary<string, GiftKind> Kinds = new Dictionary<string, GiftKind>(StringComparer.Ordinal)
    {
        ["gift"] = GiftKind.Gift,
        ["refund"] = GiftKind.Refund,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static RecordReadResult<GiftRecord> Read(JsonElement json, RecordReadContext context)
    {
        var errors = new FieldErrors();
        var fields = new JsonFields(json, errors);
        var recordId = fields.Identifier("recordId", required: true);
        var creatorId = fields.Identifier("creatorId", required: true);
        var liveId = fields.Identifier("liveId", required: false);
        var senderId = fields.Identifier("senderId", required: false);
        var giftId = fields.Identifier("giftId", required: true);
        var coinsPerGift = fields.Integer("coinsPerGift", 1, MaxCoinsPerGift);
        var quantity = fields.Integer("quantity", 1, MaxQuantity);
        var occurredAt = fields.Instant("occurredAt", context.Now);
        var kind = fields.Choice("kind", Kinds, whenMissing: null);
        var originalRecordId = fields.Identifier("originalRecordId", required: false);

        if (kind == GiftKind.Refund && originalRecordId is null && !errors.Has("originalRecordId"))
        {
            errors.Add("originalRecordId", "is required for a refund: name the gift record it refunds");
        }

        if (kind == GiftKind.Gift && originalRecordId is not null)
        {
            errors.Add("originalRecordId", "is only allowed on refunds");
        }

        if (originalRecordId is not null && originalRecordId == recordId)
        {
            errors.Add("originalRecordId", "must name another record, not the refund itself");
        }

        if (!errors.IsEmpty)
        {
            return new RecordReadResult<GiftRecord>(null, recordId, errors);
        }

        var record = new GiftRecord(
            context.PartnerId,
            recordId!,
            creatorId!,
            liveId,
            senderId is null ? null : context.SenderHasher.Hash(senderId),
            giftId!,
            coinsPerGift!.Value,
            quantity!.Value,
            occurredAt!.Value,
            kind!.Value,
            originalRecordId);
        return new RecordReadResult<GiftRecord>(record, recordId, errors);
    }
}
