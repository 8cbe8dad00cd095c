using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;

namespace Payouts.Storage.Ingestion;

/// <summary>How one record family is identified, fingerprinted and mapped to its table row.</summary>
public interface IRecordMapping<TRecord>
    where TRecord : class
{
    RecordKind Kind { get; }

    string TableName { get; }

    string PartnerId(TRecord record);

    string RecordId(TRecord record);

    string CreatorId(TRecord record);

    /// <summary>The instant that decides the record's period (occurredAt, earnedAt).</summary>
    Instant DecidingInstant(TRecord record);

    string Fingerprint(TRecord record);

    TableEntity ToEntity(TRecord record, StoredRecordInfo info);

    TRecord FromEntity(TableEntity entity);
}
