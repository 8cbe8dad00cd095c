using Payouts.Application.Statements;
using Payouts.Domain.Periods;

namespace Payouts.Application.Settlement;

/// <summary>
/// What a creator's statements have counted of one record partition: every row with <c>Seq ≤ SettledSeq</c>.
/// Created (empty) by ingest before the partition's first record; advanced only by a statement's commit, checked
/// against <see cref="Version"/> (the stored row's concurrency token), in the same atomic write as the header.
/// </summary>
public sealed record SettlementEntry(string CreatorId, RecordKind Kind, PeriodKey RecordPeriod, long SettledSeq, string Version);
