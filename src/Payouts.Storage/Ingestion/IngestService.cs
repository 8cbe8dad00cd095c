using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Domain.Records.Validation;
using Payouts.Storage.Periods;
using Payouts.Application.Observability;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Stores a batch of read records exactly once. Order of work, each step idempotent, so a crash and a retry at any
/// point converge: (1) claim each (partner, record id) in the <see cref="RecordIdIndex"/>; an existing claim with the
/// same fingerprint is a duplicate, with another fingerprint a conflict; (2) mark activity and make sure each record
/// partition has its settlement entry; (3) insert the record rows (insert-only), numbered in arrival order by the
/// partition's <see cref="RecordSequence"/>. A duplicate whose row is missing (a crash between 1 and 3) is written now
/// and reported accepted.
/// </summary>
public sealed partial class IngestService<TRecord>
    where TRecord : class
{
    private readonly IRecordMapping<TRecord> _mapping;
    private readonly TableClient _records;
    private readonly RecordIdIndex _ids;
    private readonly ActivityIndex _activity;
    private readonly Settlement.SettlementLedger _settlements;
    private readonly IRecordAdmission<TRecord> _admission;
    private readonly PeriodStore _periods;
    private readonly PeriodCalendar _calendar;
    private readonly IClock _clock;
    private readonly PayoutsMetrics _metrics;
    private readonly ILogger _logger;

    public IngestService(
        TableServiceClient tables,
        IRecordMapping<TRecord> mapping,
        ActivityIndex activity,
        Settlement.SettlementLedger settlements,
        IRecordAdmission<TRecord> admission,
        PeriodStore periods,
        PeriodCalendar calendar,
        IClock clock,
        PayoutsMetrics metrics,
        ILogger<IngestService<TRecord>> logger)
    {
        _mapping = mapping;
        _records = tables.GetTableClient(mapping.TableName);
        _ids = new RecordIdIndex(tables.GetTableClient(TableNames.RecordIds));
        _activity = activity;
        _settlements = settlements;
        _admission = admission;
        _periods = periods;
        _calendar = calendar;
        _clock = clock;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task<IngestBatchResult> IngestAsync(string partnerId, IReadOnlyList<RecordReadResult<TRecord>> reads, IngestSource source, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = _clock.GetCurrentInstant();
        var outcomes = new RecordOutcome[reads.Count];
        var candidates = Candidates(reads, outcomes, now, source);

        var claims = await _ids.ClaimAsync(candidates.Select(c => c.IndexEntry).ToList(), ct);
        var toWrite = new List<Candidate>();
        var resent = new List<Candidate>();
        var releases = new List<Candidate>();
        for (var k = 0; k < candidates.Count; k++)
        {
            var candidate = candidates[k];
            if (claims[k] is not { } claim)
            {
                toWrite.Add(candidate);
            }
            else if (claim.GetString(RecordColumns.Fingerprint) == RecordIdIndex.WaitingFingerprint && await _ids.TakeOverAsync(claim, candidate.IndexEntry, ct))
            {
                // Refunds arrived before this gift and wait for it: the gift takes its id over and releases them once stored.
                toWrite.Add(candidate);
                releases.Add(candidate);
            }
            else if (claim.GetString(RecordColumns.Fingerprint) == candidate.Info.Fingerprint)
            {
                resent.Add(candidate);
                if (claim.GetBoolean(RecordIdIndex.ReleaseColumn) == true)
                {
                    releases.Add(candidate);
                }
            }
            else
            {
                outcomes[candidate.Index] = RecordOutcome.Conflicting(candidate.Index, candidate.RecordId,
                    "was already received with different content; the stored record is kept. Send a new recordId (a refund or a reversal) to correct it.");
            }
        }

        await AdmitAsync(toWrite, resent, outcomes, ct);
        toWrite.RemoveAll(c => outcomes[c.Index] is not null);
        resent.RemoveAll(c => outcomes[c.Index] is not null);
        await SettleStoredResendsAsync(resent, outcomes, ct);
        resent.RemoveAll(c => outcomes[c.Index] is not null);
        var stored = toWrite.Concat(resent).ToList();
        // Every period a mark names gets its row, so the close timer, which walks the Periods table, closes it.
        await _periods.EnsureExistsAsync(stored.Select(c => c.Info.Period).Distinct().SelectMany(p => _activity.PeriodsToMark(p, now)), ct);
        await _activity.MarkAsync(stored.Select(c => (c.CreatorId, c.Info.Period)), now, ct);
        await _settlements.EnsureAsync(_mapping.Kind, stored.Select(c => (c.CreatorId, c.Info.Period)), ct);
        await WriteRowsAsync(toWrite, expectExisting: false, outcomes, ct);
        await WriteRowsAsync(resent, expectExisting: true, outcomes, ct);
        await ReleaseWaitingAsync(partnerId, releases.Where(c => outcomes[c.Index]?.Status is RecordStatus.Accepted or RecordStatus.Duplicate), ct);

        var result = new IngestBatchResult(outcomes);
        Report(partnerId, source, result, Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>Rules against stored data (refunds): a refused new record's id claim is withdrawn; a waiting one is accepted, kept aside.</summary>
    private async Task AdmitAsync(List<Candidate> toWrite, List<Candidate> resent, RecordOutcome[] outcomes, CancellationToken ct)
    {
        var all = toWrite.Concat(resent).ToList();
        var verdicts = await _admission.AdmitAsync(all.Select(c => c.Record).ToList(), all.Select(c => c.Row).ToList(), ct);
        for (var k = 0; k < all.Count; k++)
        {
            var candidate = all[k];
            var isNew = k < toWrite.Count;
            switch (verdicts[k].Kind)
            {
                case AdmissionKind.Reject or AdmissionKind.Conflict:
                    if (isNew)
                    {
                        await _ids.WithdrawAsync(candidate.IndexEntry, ct);
                    }

                    outcomes[candidate.Index] = new RecordOutcome(
                        candidate.Index, candidate.RecordId, RecordStatus.Rejected, verdicts[k].Errors!.ToDictionary(), verdicts[k].Kind == AdmissionKind.Conflict);
                    break;
                case AdmissionKind.Wait:
                    outcomes[candidate.Index] = new RecordOutcome(candidate.Index, candidate.RecordId, isNew ? RecordStatus.Accepted : RecordStatus.Duplicate);
                    break;
                case AdmissionKind.Voided:
                    outcomes[candidate.Index] = new RecordOutcome(candidate.Index, candidate.RecordId, RecordStatus.Duplicate);
                    break;
            }
        }
    }

    /// <summary>
    /// A resent record whose row is stored is a duplicate and changes nothing: its marks and settlement entry were
    /// written before its row, so a replayed request (or a partner's resend) marks no period, builds no statement and
    /// sends no webhook. Only a record whose earlier attempt stopped before its row goes on to be written (a repair).
    /// </summary>
    private async Task SettleStoredResendsAsync(List<Candidate> resent, RecordOutcome[] outcomes, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(resent.GroupBy(c => c.Info.PartitionKey, StringComparer.Ordinal), options, async (group, token) =>
        {
            var rows = group.ToList();
            var existing = new TableEntity?[rows.Count];
            await InsertOnlyWriter.ReadExistingAsync(_records, rows.Select(r => r.Row).ToList(), [.. Enumerable.Range(0, rows.Count)], existing, token);
            for (var k = 0; k < rows.Count; k++)
            {
                if (existing[k] is not null)
                {
                    outcomes[rows[k].Index] = new RecordOutcome(rows[k].Index, rows[k].RecordId, RecordStatus.Duplicate);
                }
            }
        });
    }

    /// <summary>Ingests the records that waited for these (refunds for their gift), then takes them out of waiting.</summary>
    private async Task ReleaseWaitingAsync(string partnerId, IEnumerable<Candidate> stored, CancellationToken ct)
    {
        foreach (var candidate in stored)
        {
            var waiting = await _admission.WaitingForAsync(candidate.Record, ct);
            IReadOnlyList<RecordOutcome> outcomes = [];
            if (waiting.Count > 0)
            {
                var reads = waiting.Select(r => new RecordReadResult<TRecord>(r, _mapping.RecordId(r), new FieldErrors())).ToList();
                var released = await IngestAsync(partnerId, reads, IngestSource.Release, ct);
                outcomes = released.Results;
                LogReleased(_logger, _mapping.Kind, waiting.Count, released.Rejected);
            }

            await _admission.ReleasedAsync(candidate.Record, waiting, outcomes, ct);
        }
    }

    private List<Candidate> Candidates(IReadOnlyList<RecordReadResult<TRecord>> reads, RecordOutcome[] outcomes, Instant now, IngestSource source)
    {
        var candidates = new List<Candidate>(reads.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < reads.Count; i++)
        {
            if (reads[i].Record is not { } record)
            {
                outcomes[i] = new RecordOutcome(i, reads[i].RecordId, RecordStatus.Rejected, reads[i].Errors.ToDictionary());
                continue;
            }

            var fingerprint = _mapping.Fingerprint(record);
            var recordId = _mapping.RecordId(record);
            if (seen.TryGetValue(recordId, out var earlier))
            {
                outcomes[i] = earlier == fingerprint
                    ? new RecordOutcome(i, recordId, RecordStatus.Duplicate)
                    : RecordOutcome.Conflicting(i, recordId, "appears twice in this batch with different content");
                continue;
            }

            seen[recordId] = fingerprint;
            var period = _calendar.PeriodOf(_mapping.DecidingInstant(record));
            var info = new StoredRecordInfo(
                TableKeys.Compose(_mapping.CreatorId(record), period.ToString()),
                TableKeys.Compose(_mapping.PartnerId(record), recordId),
                period,
                fingerprint,
                now,
                source);
            var indexEntry = RecordIdIndex.Entry(_mapping.Kind, _mapping.PartnerId(record), recordId, fingerprint, info.PartitionKey);
            candidates.Add(new Candidate(i, recordId, _mapping.CreatorId(record), info, indexEntry, _mapping.ToEntity(record, info), record));
        }

        return candidates;
    }

    private async Task WriteRowsAsync(List<Candidate> candidates, bool expectExisting, RecordOutcome[] outcomes, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(candidates.GroupBy(c => c.Info.PartitionKey, StringComparer.Ordinal), options, async (group, token) =>
        {
            var rows = group.ToList();
            var existing = await RecordSequence.AddAsync(_records, rows.Select(r => r.Row).ToList(), expectExisting, token);
            for (var k = 0; k < rows.Count; k++)
            {
                // The id claim guarantees same content, so a row already there (a concurrent twin) is that record.
                var status = existing[k] is null ? RecordStatus.Accepted : RecordStatus.Duplicate;
                if (expectExisting && existing[k] is null)
                {
                    LogRepaired(_logger, _mapping.Kind, rows[k].RecordId);
                }

                outcomes[rows[k].Index] = new RecordOutcome(rows[k].Index, rows[k].RecordId, status);
            }
        });
    }

    private void Report(string partnerId, IngestSource source, IngestBatchResult result, TimeSpan elapsed)
    {
        var kind = _mapping.Kind.ToString().ToLowerInvariant();
        var sourceName = source.ToString().ToLowerInvariant();
        _metrics.RecordsIngested(kind, partnerId, sourceName, "accepted", result.Accepted);
        _metrics.RecordsIngested(kind, partnerId, sourceName, "duplicate", result.Duplicates);
        _metrics.RecordsIngested(kind, partnerId, sourceName, "rejected", result.Rejected);
        _metrics.BatchSettled(kind, sourceName, elapsed);
        LogBatch(_logger, _mapping.Kind, partnerId, source, result.Results.Count, result.Accepted, result.Duplicates, result.Rejected, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Kind} batch from {PartnerId} via {Source}: {Count} records, {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected in {ElapsedMs:F0} ms")]
    private static partial void LogBatch(ILogger logger, RecordKind kind, string partnerId, IngestSource source, int count, int accepted, int duplicates, int rejected, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} {Kind} records that waited for the one just stored; {Rejected} of them refused")]
    private static partial void LogReleased(ILogger logger, RecordKind kind, int count, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repaired {Kind} record {RecordId}: its id was claimed by an earlier attempt that did not finish writing it")]
    private static partial void LogRepaired(ILogger logger, RecordKind kind, string recordId);

    private sealed record Candidate(int Index, string RecordId, string CreatorId, StoredRecordInfo Info, TableEntity IndexEntry, TableEntity Row, TRecord Record);
}
