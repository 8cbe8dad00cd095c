using Azure.Data.Tables;
using Payouts.Domain.Periods;

namespace Payouts.Storage.Ingestion;

/// <summary>The columns every stored record row starts with.</summary>
internal static class StoredRecordColumns
{
    public static TableEntity Create(string partnerId, string recordId, string creatorId, StoredRecordInfo info) => new(info.PartitionKey, info.RowKey)
    {
        [RecordColumns.PartnerId] = partnerId,
        [RecordColumns.RecordId] = recordId,
        [RecordColumns.CreatorId] = creatorId,
        [RecordColumns.Period] = info.Period.ToString(),
        [RecordColumns.Fingerprint] = info.Fingerprint,
        [RecordColumns.IngestedAt] = info.IngestedAt.ToDateTimeOffset(),
        [RecordColumns.Source] = info.Source.ToString().ToLowerInvariant(),
    };

    public static PeriodKey PeriodOf(TableEntity entity) => PeriodKey.Parse(entity.GetString(RecordColumns.Period));
}
