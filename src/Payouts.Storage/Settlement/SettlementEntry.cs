using Azure;
using Payouts.Domain.Periods;
using Payouts.Storage.Ingestion;

namespace Payouts.Storage.Settlement;

/// <summary>
/// What a creator's statements have counted of one record partition: every row with <c>Seq ≤ SettledSeq</c>.
/// Created (empty) by ingest before the partition's first record; advanced only by a statement's commit, ETag-guarded,
/// in the same entity-group transaction as the statement's header.
/// </summary>
public sealed record SettlementEntry(string CreatorId, RecordKind Kind, PeriodKey RecordPeriod, long SettledSeq, ETag ETag)
{
    /// <summary>The record partition this entry settles: <c>{creatorId}|{period}</c> of the kind's table.</summary>
    public string RecordPartition => Tables.TableKeys.Compose(CreatorId, RecordPeriod.ToString());
}
