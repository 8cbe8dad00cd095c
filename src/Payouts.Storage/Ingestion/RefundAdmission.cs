using System.Globalization;
using Azure.Data.Tables;
using Payouts.Application.Statements;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// The refund rules (docs/storage.md, "Refunds"): a refund names a gift of the same partner and the same creator,
/// is not dated before it, and never takes back more than the gift's quantity in total (<see cref="RefundTally"/>).
/// </summary>
public sealed class RefundAdmission(CreatorTables tables) : IRecordAdmission<GiftRecord>
{
    private readonly RecordIdIndex _ids = new(tables.RecordIds);
    private readonly RefundTally _tally = new(tables.RecordIds);
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
        else if (await _tally.ReserveAsync(original, refund.RecordId, refund.Quantity, ct) is { } exceeded)
        {
            errors.Add("quantity", exceeded);
        }

        return errors.IsEmpty ? null : errors;
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
