using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Storage.Ingestion;

/// <summary>What storage adds to a record: its keys, period, fingerprint and when and how it arrived.</summary>
public sealed record StoredRecordInfo(string PartitionKey, string RowKey, PeriodKey Period, string Fingerprint, Instant IngestedAt, IngestSource Source);
