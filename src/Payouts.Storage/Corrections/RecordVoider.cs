using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Periods;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Corrections;

/// <summary>
/// Voids a stored record without changing it: a void row joins the record's partition (numbered like any record, after
/// activity marks up to the current period), so a statement not yet built counts neither, and one built after a
/// statement that counted the record carries the reversal on a void line naming the record and its period. A gift's
/// void takes back what refunds had not, reserved so no later refund can. The creator's blocked statements are sent
/// to be built again at once: voiding the record that blocked them is the one call that unblocks. Every step can be
/// repeated, so a call that failed halfway is finished by calling again. A refund still waiting for its gift is taken
/// out of waiting instead: it never counted, and never will.
/// </summary>
public sealed partial class RecordVoider(
    CreatorTables tables,
    ActivityIndex activity,
    PeriodStore periods,
    StatementStore statements,
    IStatementJobQueue jobs,
    WaitingRefunds waiting,
    IVoidProbe probe,
    IClock clock,
    ILogger<RecordVoider> logger)
{
    /// <summary>The void's reservation among a gift's takers (refund ids never contain '|', so it meets no refund's).</summary>
    private const string VoidTaker = "void";
    private const int MaxReserveAttempts = 5;

    private readonly RecordIdIndex _ids = new(tables.RecordIds);
    private readonly RefundTally _tally = new(tables.RecordIds);
    private readonly GiftMapping _gifts = new();

    public async Task<VoidOutcome> VoidAsync(RecordKind kind, string partnerId, string recordId, string reason, string by, CancellationToken ct)
    {
        if (await _ids.FindAsync(kind, partnerId, recordId, ct) is not { } claim)
        {
            return new VoidOutcome(VoidResult.NotFound);
        }

        if (await StoredRecordRow.FindAsync(tables, kind, claim, partnerId, recordId, ct) is not { } stored)
        {
            // Accepted but not stored: a refund waiting for its gift (or voided while it waited), else a write that never finished.
            var (waitingCreator, recordPeriod) = StoredRecordRow.OwnerOf(claim);
            return claim.GetString(RecordIdIndex.VoidedWhileWaitingColumn) is not null ? new VoidOutcome(VoidResult.AlreadyVoided, waitingCreator, recordPeriod)
                : kind == RecordKind.Gift && await waiting.FindAsync(waitingCreator, recordPeriod, partnerId, recordId, ct) is { } parked ? await VoidWaitingAsync(parked, recordPeriod, reason, by, ct)
                : new VoidOutcome(VoidResult.NotFound);
        }

        var (table, creatorId, record) = stored;
        var period = StoredRecordColumns.PeriodOf(record);
        if ((await table.GetEntityIfExistsAsync<TableEntity>(record.PartitionKey, stored.VoidKey, [VoidRows.VoidOf], ct)).HasValue)
        {
            // Voided before, maybe by a call whose rebuild never went out: send it again, so one call always unblocks.
            return new VoidOutcome(VoidResult.AlreadyVoided, creatorId, period) { Rebuilt = await RebuildBlockedAsync(creatorId, ct) };
        }

        long? quantity = null;
        if (kind == RecordKind.Gift)
        {
            var gift = _gifts.FromEntity(record);
            if (gift.Kind == GiftKind.Refund)
            {
                return new VoidOutcome(VoidResult.NotVoidable, creatorId, period, "a refund cannot be voided; to take it back, send the gift again under a new recordId.");
            }

            quantity = await TakeBackAsync(gift, ct);
            if (quantity is null)
            {
                return new VoidOutcome(VoidResult.NotVoidable, creatorId, period, "the gift has been refunded in full already; there is nothing left to void.");
            }

            await probe.AtAsync(VoidStep.Reserved, creatorId, ct);
        }

        var now = clock.GetCurrentInstant();
        await periods.EnsureExistsAsync(activity.PeriodsToMark(period, now), ct);
        await activity.MarkAsync([(creatorId, period)], now, ct);
        await RecordSequence.AddAsync(table, [VoidRows.Create(record, reason, by, now, quantity)], expectExisting: true, ct);
        LogVoided(logger, kind, creatorId, period);
        await probe.AtAsync(VoidStep.Written, creatorId, ct);

        return new VoidOutcome(VoidResult.Voided, creatorId, period) { Rebuilt = await RebuildBlockedAsync(creatorId, ct) };
    }

    /// <summary>
    /// Reserves what refunds had not taken back of the gift; null when nothing is left. A void that stopped after its
    /// reservation (before its row) finds that reservation and finishes with its quantity.
    /// </summary>
    private async Task<long?> TakeBackAsync(GiftRecord gift, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await _tally.ReservedAsync(gift, VoidTaker, ct) is { } reserved)
            {
                return reserved;
            }

            var remaining = gift.Quantity - await _tally.RefundedAsync(gift, ct);
            if (remaining <= 0)
            {
                return null;
            }

            if (attempt == MaxReserveAttempts)
            {
                throw new RequestFailedException(503, "The void's quantity could not be reserved: too much contention on one gift.");
            }

            // Reserved (now or by a concurrent void): the next round reads what was reserved. Refused: a refund
            // took some meanwhile, so look again at what is left.
            await _tally.ReserveAsync(gift, VoidTaker, remaining, ct);
        }
    }

    /// <summary>Sends the creator's blocked statements to be built again; their periods.</summary>
    private async Task<IReadOnlyList<PeriodKey>> RebuildBlockedAsync(string creatorId, CancellationToken ct)
    {
        var blocked = (await statements.ListBlockedAsync(creatorId, ct)).Select(b => b.Period).ToList();
        foreach (var blockedPeriod in blocked)
        {
            await jobs.SendAsync(new StatementJob(blockedPeriod, [creatorId]), TimeSpan.Zero, ct);
        }

        return blocked;
    }

    /// <summary>
    /// A waiting refund never counted, so voiding it takes it out of waiting for good: first its taker row in the gift's
    /// tally (so a gift arriving now cannot release it), then a note on its claim (a resend stays a duplicate), then its
    /// waiting rows. Each step is idempotent; a retry after a crash finishes the rest.
    /// </summary>
    private async Task<VoidOutcome> VoidWaitingAsync(WaitingRefund parked, PeriodKey period, string reason, string by, CancellationToken ct)
    {
        if (parked.OriginalRecordId is not { } giftId)
        {
            return new VoidOutcome(VoidResult.NotVoidable, parked.CreatorId, period,
                "this refund has waited since before waiting refunds named their gift; it counts nowhere: send its gift to have it counted.");
        }

        var (result, earlier) = await _tally.VoidWaitingAsync(parked.PartnerId, giftId, parked.RecordId, reason, by, clock.GetCurrentInstant(), ct);
        if (result == RefundReservation.Reserved)
        {
            return new VoidOutcome(VoidResult.NotVoidable, parked.CreatorId, period,
                "its gift arrived meanwhile and the refund was stored with it; a refund cannot be voided: to take it back, send the gift again under a new recordId.");
        }

        await _ids.MarkVoidedWhileWaitingAsync(parked.PartnerId, parked.RecordId, giftId, ct);
        await waiting.RemoveAsync(parked.PartnerId, giftId, parked.RecordId, parked.CreatorId, period, ct);
        LogVoidedWaiting(logger, parked.CreatorId, period);
        return new VoidOutcome(earlier ? VoidResult.AlreadyVoided : VoidResult.Voided, parked.CreatorId, period);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voided a refund of creator {CreatorId} for {Period} that waited for its gift; it never counted and never will")]
    private static partial void LogVoidedWaiting(ILogger logger, string creatorId, PeriodKey period);

    // Who voided it and why stay on the void row (GET /api/records/...), not in logs.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Voided a {Kind} record of creator {CreatorId} for {Period}; reversed in the creator's next statement if it was counted")]
    private static partial void LogVoided(ILogger logger, RecordKind kind, string creatorId, PeriodKey period);
}
