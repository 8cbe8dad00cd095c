using Azure.Data.Tables;
using NodaTime;
using Payouts.Domain.Records;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Storage.Ingestion;

/// <summary>Gift rows: PartitionKey "{creatorId}|{period}", RowKey "{partnerId}|{recordId}"; instants stored as UTC.</summary>
public sealed class GiftMapping : IRecordMapping<GiftRecord>
{
    public RecordKind Kind => RecordKind.Gift;

    public string TableName => TableNames.Gifts;

    public string PartnerId(GiftRecord record) => record.PartnerId;

    public string RecordId(GiftRecord record) => record.RecordId;

    public string CreatorId(GiftRecord record) => record.CreatorId;

    public Instant DecidingInstant(GiftRecord record) => record.OccurredAt;

    public string Fingerprint(GiftRecord record) => RecordFingerprint.Of(record);

    public TableEntity ToEntity(GiftRecord record, StoredRecordInfo info)
    {
        var entity = StoredRecordColumns.Create(record.PartnerId, record.RecordId, record.CreatorId, info);
        entity["LiveId"] = record.LiveId;
        entity["SenderHash"] = record.SenderHash;
        entity["GiftId"] = record.GiftId;
        entity["CoinsPerGift"] = record.CoinsPerGift;
        entity["Quantity"] = record.Quantity;
        entity["OccurredAt"] = record.OccurredAt.ToDateTimeOffset();
        entity["Kind"] = record.Kind == GiftKind.Refund ? "refund" : "gift";
        entity["OriginalRecordId"] = record.OriginalRecordId;
        return entity;
    }

    public GiftRecord FromEntity(TableEntity entity) => new(
        entity.GetString(RecordColumns.PartnerId),
        entity.GetString(RecordColumns.RecordId),
        entity.GetString(RecordColumns.CreatorId),
        entity.GetString("LiveId"),
        entity.GetString("SenderHash"),
        entity.GetString("GiftId"),
        entity.GetInt32("CoinsPerGift") ?? throw Missing("CoinsPerGift"),
        entity.GetInt32("Quantity") ?? throw Missing("Quantity"),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("OccurredAt") ?? throw Missing("OccurredAt")),
        entity.GetString("Kind") == "refund" ? GiftKind.Refund : GiftKind.Gift,
        entity.GetString("OriginalRecordId"));

    private static InvalidDataException Missing(string column) => new($"Gift row has no {column}.");
}
