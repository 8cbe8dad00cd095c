using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Deal rows: PartitionKey "{creatorId}|{period}", RowKey "{partnerId}|{recordId}". Amounts are stored as exact
/// decimal strings (Tables has no decimal type and a double would lose cents).
/// </summary>
public sealed class DealMapping : IRecordMapping<DealRecord>
{
    public RecordKind Kind => RecordKind.Deal;

    public string TableName => TableNames.Deals;

    public string PartnerId(DealRecord record) => record.PartnerId;

    public string RecordId(DealRecord record) => record.RecordId;

    public string CreatorId(DealRecord record) => record.CreatorId;

    public Instant DecidingInstant(DealRecord record) => record.EarnedAt;

    public string Fingerprint(DealRecord record) => RecordFingerprint.Of(record);

    public TableEntity ToEntity(DealRecord record, StoredRecordInfo info)
    {
        var entity = StoredRecordColumns.Create(record.PartnerId, record.RecordId, record.CreatorId, info);
        entity["Type"] = record.Type.WireName();
        entity["Brand"] = record.Brand;
        entity["Amount"] = record.Amount.CanonicalValue;
        entity["Currency"] = record.Amount.Unit;
        entity["EarnedAt"] = record.EarnedAt.ToDateTimeOffset();
        entity["Reference"] = record.Reference;
        entity["AgencyCommissionRate"] = record.AgencyCommissionRate?.Value.ToString(CultureInfo.InvariantCulture);
        return entity;
    }

    public DealRecord FromEntity(TableEntity entity)
    {
        var value = decimal.Parse(entity.GetString("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture);
        var unit = entity.GetString("Currency");
        var amount = unit == DealAmount.DiamondUnit ? DealAmount.OfDiamonds(value) : DealAmount.Of(value, Currency.FromCode(unit));
        var rate = entity.GetString("AgencyCommissionRate");
        return new DealRecord(
            entity.GetString(RecordColumns.PartnerId),
            entity.GetString(RecordColumns.RecordId),
            entity.GetString(RecordColumns.CreatorId),
            Enum.GetValues<DealType>().Single(t => t.WireName() == entity.GetString("Type")),
            entity.GetString("Brand"),
            amount,
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("EarnedAt") ?? throw new InvalidDataException("Deal row has no EarnedAt.")),
            entity.GetString("Reference"),
            rate is null ? null : new Share(decimal.Parse(rate, NumberStyles.Number, CultureInfo.InvariantCulture)));
    }
}
