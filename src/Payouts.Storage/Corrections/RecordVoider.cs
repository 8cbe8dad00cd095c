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
/// repeated, so a call that failed halfway is finished by calling again.
/// </summary>
public sealed partial class RecordVoider(
    CreatorTables tables,
    ActivityIndex activity,
    PeriodStore periods,
    StatementStore statements,
    IStatementJobQueue jobs,
    IVoidProbe probe,
    IClock clock,
    ILogger<RecordVoider> logger)
{
    /// <summary>The void's reservation among a gift's takers (refund ids never contain '|', so it meets no refund's).</summary>
    private const string VoidTaker = "void";
    private const int MaxReserveAttempts = 5;

    private readonly RefundTally _tally = new(tables.RecordIds);
    private readonly GiftMapping _gifts = new();

    public async Task<VoidOutcome> VoidAsync(RecordKind kind, string partnerId, string recordId, string reason, string by, CancellationToken ct)
    {
        if (await StoredRecordRow.FindAsync(tables, kind, partnerId, recordId, ct) is not { } stored)
        {
            return new VoidOutcome(VoidResult.NotFound);
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

    // Who voided it and why stay on the void row (GET /api/records/...), not in logs.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Voided a {Kind} record of creator {CreatorId} for {Period}; reversed in the creator's next statement if it was counted")]
    private static partial void LogVoided(ILogger logger, RecordKind kind, string creatorId, PeriodKey period);
}
