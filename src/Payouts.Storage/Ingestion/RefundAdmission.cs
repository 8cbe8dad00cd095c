using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Payouts.Application.Statements;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// The refund rules (docs/storage.md, "Refunds"): a refund names a gift of the same partner and the same creator,
/// is not dated before it, and never takes back more than the gift's quantity in total. The quantity is reserved in
/// the original's id-index partition, one insert-only row per refund plus a running total, in one transaction, so two
/// concurrent refunds cannot both take the last unit and a resent refund reserves nothing twice.
/// </summary>
public sealed class RefundAdmission(CreatorTables tables) : IRecordAdmission<GiftRecord>
{
    private const string TallySuffix = "|refunded";
    private const string QuantityColumn = "Quantity";
    private readonly RecordIdIndex _ids = new(tables.RecordIds);
    private readonly TableClient _idTable = tables.RecordIds;
    private readonly GiftMapping _mapping = new();

    public async Task<IReadOnlyList<FieldErrors?>> AdmitAsync(IReadOnlyList<GiftRecord> records, IReadOnlyList<GiftRecord> inBatch, CancellationToken ct)
    {
        var results = new FieldErrors?[records.Count];
        var batch = inBatch.Where(g => g.Kind == GiftKind.Gift).ToDictionary(g => (g.PartnerId, g.RecordId));
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Kind == GiftKind.Refund)
            {
                results[i] = await AdmitRefundAsync(records[i], batch, ct);
            }
        }

        return results;
    }

    private async Task<FieldErrors?> AdmitRefundAsync(GiftRecord refund, Dictionary<(string, string), GiftRecord> batch, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var original = batch.GetValueOrDefault((refund.PartnerId, refund.OriginalRecordId!)) ?? await FindAsync(refund.PartnerId, refund.OriginalRecordId!, ct);
        if (original is null)
        {
            errors.Add("originalRecordId", "names no gift received from this partner; send the refund after its gift.");
        }
        else if (original.Kind != GiftKind.Gift)
        {
            errors.Add("originalRecordId", "names a refund, not a gift.");
        }
        else if (original.CreatorId != refund.CreatorId)
        {
            errors.Add("originalRecordId", "names a gift of another creator.");
        }
        else if (refund.OccurredAt < original.OccurredAt)
        {
            errors.Add("occurredAt", string.Create(CultureInfo.InvariantCulture, $"is before the gift it refunds ({original.OccurredAt})."));
        }
        else if (await ReserveAsync(refund, original, ct) is { } exceeded)
        {
            errors.Add("quantity", exceeded);
        }

        return errors.IsEmpty ? null : errors;
    }

    /// <summary>Reserves the refund's quantity against the gift's; null when reserved (now or by an earlier attempt), else why not.</summary>
    private async Task<string?> ReserveAsync(GiftRecord refund, GiftRecord original, CancellationToken ct)
    {
        var probe = RecordIdIndex.Entry(RecordKind.Gift, original.PartnerId, original.RecordId, string.Empty, string.Empty);
        var partition = probe.PartitionKey;
        var tallyKey = original.RecordId + TallySuffix;
        var reservationKey = $"{original.RecordId}|refund|{refund.RecordId}";
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if ((await _idTable.GetEntityIfExistsAsync<TableEntity>(partition, reservationKey, cancellationToken: ct)).HasValue)
            {
                return null;
            }

            var tally = await _idTable.GetEntityIfExistsAsync<TableEntity>(partition, tallyKey, cancellationToken: ct);
            var refunded = tally.HasValue ? tally.Value!.GetInt64(QuantityColumn) ?? 0 : 0;
            if (refunded + refund.Quantity > original.Quantity)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"would refund {refunded + refund.Quantity} of the gift's {original.Quantity} (already refunded: {refunded}); a refund never takes back more than was sent.");
            }

            var total = new TableEntity(partition, tallyKey) { [QuantityColumn] = refunded + refund.Quantity };
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(partition, reservationKey) { [QuantityColumn] = (long)refund.Quantity }),
                tally.HasValue ? new(TableTransactionActionType.UpdateReplace, total, tally.Value!.ETag) : new(TableTransactionActionType.Add, total),
            };
            try
            {
                await _idTable.SubmitTransactionAsync(actions, ct);
                return null;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // A concurrent refund of the same gift moved the total (or this one was reserved meanwhile): look again.
            }
        }

        throw new RequestFailedException(503, "Refund quantity could not be reserved: too much contention on one gift.");
    }

    private async Task<GiftRecord?> FindAsync(string partnerId, string recordId, CancellationToken ct)
    {
        if (await _ids.FindAsync(RecordKind.Gift, partnerId, recordId, ct) is not { } claim)
        {
            return null;
        }

        var partition = claim.GetString("DataPartition");
        var creatorId = partition.Split(TableKeys.Separator)[0];
        var row = await tables.Gifts(creatorId).GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Compose(partnerId, recordId), cancellationToken: ct);
        return row.HasValue ? _mapping.FromEntity(row.Value!) : null;
    }
}
