using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// The refund rules (docs/storage.md, "Refunds"): a refund names a gift of the same partner and the same creator, of
/// the same gift id and coins per gift,
/// is not dated before it (field errors), and never takes back more than the gift's quantity in total
/// (<see cref="RefundTally"/>; beyond it, a conflict naming the gift and what remains refundable).
/// A refund whose gift has not arrived waits (<see cref="WaitingRefunds"/>: reconciliation lists it), and the gift's
/// ingest releases it; one an operator voided while it waited is never stored.
/// </summary>
public sealed class RefundAdmission(CreatorTables tables, WaitingRefunds waiting, IngestRejectedStore rejectedStore, PeriodCalendar calendar, IClock clock) : IRecordAdmission<GiftRecord>
{
    private readonly RecordIdIndex _ids = new(tables.RecordIds);
    private readonly RefundTally _tally = new(tables.RecordIds);
    private readonly GiftMapping _mapping = new();

    public async Task<IReadOnlyList<Admission>> AdmitAsync(IReadOnlyList<GiftRecord> records, IReadOnlyList<TableEntity> rows, CancellationToken ct)
    {
        var results = new Admission[records.Count];
        var batch = records.Where(g => g.Kind == GiftKind.Gift).GroupBy(g => (g.PartnerId, g.RecordId)).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < records.Count; i++)
        {
            results[i] = records[i].Kind == GiftKind.Refund ? await AdmitRefundAsync(records[i], rows[i], batch, ct) : Admission.Admit;
        }

        return results;
    }

    public async Task<IReadOnlyList<GiftRecord>> WaitingForAsync(GiftRecord stored, CancellationToken ct) =>
        [.. (await waiting.ForGiftAsync(stored.PartnerId, stored.RecordId, ct)).Select(_mapping.FromEntity)];

    public async Task ReleasedAsync(GiftRecord stored, IReadOnlyList<GiftRecord> released, IReadOnlyList<RecordOutcome> outcomes, CancellationToken ct)
    {
        var refused = outcomes.Where(o => o.Status == RecordStatus.Rejected).Select(o => new RejectedRecord(
            IngestSource.Release,
            "waiting-refunds",
            RecordKind.Gift,
            stored.PartnerId,
            o.RecordId,
            "accepted while its gift had not arrived; refused once it did: " + o.Reason,
            Describe(released[o.Index]))).ToList();
        if (refused.Count > 0)
        {
            await rejectedStore.AddAsync(refused, ct);
            foreach (var record in refused)
            {
                await _ids.WithdrawAsync(RecordIdIndex.Entry(RecordKind.Gift, stored.PartnerId, record.RecordId!, string.Empty, string.Empty), ct);
            }
        }

        foreach (var refund in released)
        {
            await waiting.RemoveAsync(refund.PartnerId, stored.RecordId, refund.RecordId, refund.CreatorId, calendar.PeriodOf(refund.OccurredAt), ct);
        }

        await _ids.ClearReleaseAsync(RecordIdIndex.Entry(RecordKind.Gift, stored.PartnerId, stored.RecordId, string.Empty, string.Empty), ct);
    }

    private async Task<Admission> AdmitRefundAsync(GiftRecord refund, TableEntity row, Dictionary<(string, string), GiftRecord> batch, CancellationToken ct)
    {
        var errors = new FieldErrors();

        // Looked up in the refund's own partner's id space only: another partner's gift of that id is never its original.
        var original = batch.GetValueOrDefault((refund.PartnerId, refund.OriginalRecordId!)) ?? await FindAsync(refund.PartnerId, refund.OriginalRecordId!, ct);
        if (original is null)
        {
            return await ParkAsync(refund, row, ct);
        }

        if (original.Kind != GiftKind.Gift)
        {
            errors.Add("originalRecordId", "names a refund, not a gift.");
        }
        else if (original.CreatorId != refund.CreatorId)
        {
            errors.Add("originalRecordId", "names a gift of another creator.");
        }
        else if (refund.GiftId != original.GiftId || refund.CoinsPerGift != original.CoinsPerGift)
        {
            // A refund takes back the gift as it was sent: other coins per gift would take back more (or less) than it gave.
            if (refund.GiftId != original.GiftId)
            {
                errors.Add("giftId", $"is {refund.GiftId}, but the gift it refunds is {original.GiftId}.");
            }

            if (refund.CoinsPerGift != original.CoinsPerGift)
            {
                errors.Add("coinsPerGift", string.Create(CultureInfo.InvariantCulture, $"is {refund.CoinsPerGift}, but the gift it refunds was sent at {original.CoinsPerGift} coins each."));
            }
        }
        else if (refund.OccurredAt < original.OccurredAt)
        {
            errors.Add("occurredAt", string.Create(CultureInfo.InvariantCulture, $"is before the gift it refunds ({original.OccurredAt})."));
        }
        else
        {
            var (reservation, refusal) = await _tally.ReserveAsync(original, refund.RecordId, refund.Quantity, ct);
            switch (reservation)
            {
                case RefundReservation.Voided:
                    return Admission.Voided;
                case RefundReservation.Exceeded:
                    // Valid on its own: what it conflicts with is the gift's stored tally, as a reused id conflicts with its stored record.
                    var conflict = new FieldErrors();
                    conflict.Add("originalRecordId", refusal!);
                    return Admission.Conflict(conflict);
            }
        }

        return errors.IsEmpty ? Admission.Admit : Admission.Reject(errors);
    }

    /// <summary>The gift has not arrived: keep the refund aside, marked waiting in its period (unless it was voided while it waited).</summary>
    private async Task<Admission> ParkAsync(GiftRecord refund, TableEntity row, CancellationToken ct)
    {
        var existing = await _ids.PlaceholderAsync(RecordKind.Gift, refund.PartnerId, refund.OriginalRecordId!, ct);
        if (existing is not null && existing.GetString(RecordColumns.Fingerprint) != RecordIdIndex.WaitingFingerprint)
        {
            // The gift's id is claimed but its row is not there yet: it is being stored right now.
            var busy = new FieldErrors();
            busy.Add("originalRecordId", "names a gift that is being stored right now; send the refund again in a minute.");
            return Admission.Reject(busy);
        }

        if (await _tally.IsVoidedAsync(refund.PartnerId, refund.OriginalRecordId!, refund.RecordId, ct))
        {
            return Admission.Voided;
        }

        await waiting.KeepAsync(refund, row, clock.GetCurrentInstant(), ct);
        return Admission.Wait;
    }

    /// <summary>The refund as JSON for IngestRejected (its sender already a keyed hash).</summary>
    private static string Describe(GiftRecord refund) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["partnerId"] = refund.PartnerId,
        ["recordId"] = refund.RecordId,
        ["creatorId"] = refund.CreatorId,
        ["liveId"] = refund.LiveId,
        ["senderHash"] = refund.SenderHash,
        ["giftId"] = refund.GiftId,
        ["coinsPerGift"] = refund.CoinsPerGift,
        ["quantity"] = refund.Quantity,
        ["occurredAt"] = refund.OccurredAt.ToString(),
        ["kind"] = "refund",
        ["originalRecordId"] = refund.OriginalRecordId,
    });

    private async Task<GiftRecord?> FindAsync(string partnerId, string recordId, CancellationToken ct)
    {
        if (await _ids.FindAsync(RecordKind.Gift, partnerId, recordId, ct) is not { } claim || claim.GetString(RecordColumns.Fingerprint) == RecordIdIndex.WaitingFingerprint)
        {
            return null;
        }

        var partition = claim.GetString("DataPartition");
        var creatorId = partition.Split(TableKeys.Separator)[0];
        var row = await tables.Gifts(creatorId).GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Compose(partnerId, recordId), cancellationToken: ct);
        return row.HasValue ? _mapping.FromEntity(row.Value!) : null;
    }
}
