using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Payouts.Application.Statements;
using Payouts.Domain.Records;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// How much of a gift has been taken back, by refunds and by a void: in the gift's id-index partition, one insert-only
/// row per taker (<c>{giftId}|refund|{takerId}</c>) and a running total (<c>{giftId}|refunded</c>), written in one
/// transaction, so two concurrent takers cannot both take the last unit and a retried one takes nothing twice.
/// </summary>
internal sealed class RefundTally(TableClient ids)
{
    private const string QuantityColumn = "Quantity";

    /// <summary>How much of the gift is already taken back.</summary>
    public async Task<long> RefundedAsync(GiftRecord gift, CancellationToken ct)
    {
        var (partition, tallyKey) = Keys(gift);
        var tally = await ids.GetEntityIfExistsAsync<TableEntity>(partition, tallyKey, cancellationToken: ct);
        return tally.HasValue ? tally.Value!.GetInt64(QuantityColumn) ?? 0 : 0;
    }

    /// <summary>What <paramref name="takerId"/> reserved of the gift, or null when it reserved nothing.</summary>
    public async Task<long?> ReservedAsync(GiftRecord gift, string takerId, CancellationToken ct)
    {
        var (partition, _) = Keys(gift);
        var reservation = await ids.GetEntityIfExistsAsync<TableEntity>(partition, ReservationKey(gift, takerId), [QuantityColumn], ct);
        return reservation.HasValue ? reservation.Value!.GetInt64(QuantityColumn) : null;
    }

    /// <summary>Reserves <paramref name="quantity"/> of the gift for <paramref name="takerId"/>; null when reserved (now or before), else why not.</summary>
    public async Task<string?> ReserveAsync(GiftRecord gift, string takerId, long quantity, CancellationToken ct)
    {
        var (partition, tallyKey) = Keys(gift);
        var reservationKey = ReservationKey(gift, takerId);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if ((await ids.GetEntityIfExistsAsync<TableEntity>(partition, reservationKey, cancellationToken: ct)).HasValue)
            {
                return null;
            }

            var tally = await ids.GetEntityIfExistsAsync<TableEntity>(partition, tallyKey, cancellationToken: ct);
            var refunded = tally.HasValue ? tally.Value!.GetInt64(QuantityColumn) ?? 0 : 0;
            if (refunded + quantity > gift.Quantity)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"would refund {refunded + quantity} of the gift's {gift.Quantity} (already refunded: {refunded}); a refund never takes back more than was sent.");
            }

            var total = new TableEntity(partition, tallyKey) { [QuantityColumn] = refunded + quantity };
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(partition, reservationKey) { [QuantityColumn] = quantity }),
                tally.HasValue ? new(TableTransactionActionType.UpdateReplace, total, tally.Value!.ETag) : new(TableTransactionActionType.Add, total),
            };
            try
            {
                await ids.SubmitTransactionAsync(actions, ct);
                return null;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // A concurrent taker of the same gift moved the total (or this one was reserved meanwhile): look again.
            }
        }

        throw new RequestFailedException(503, "Refund quantity could not be reserved: too much contention on one gift.");
    }

    private static string ReservationKey(GiftRecord gift, string takerId) => $"{gift.RecordId}|refund|{takerId}";

    private static (string Partition, string TallyKey) Keys(GiftRecord gift) =>
        (RecordIdIndex.Entry(RecordKind.Gift, gift.PartnerId, gift.RecordId, string.Empty, string.Empty).PartitionKey, gift.RecordId + "|refunded");
}
