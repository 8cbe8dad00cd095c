using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Records;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// How much of a gift has been taken back, by refunds and by a void: in the gift's id-index partition, one insert-only
/// row per taker (<c>{giftId}|refund|{takerId}</c>) and a running total (<c>{giftId}|refunded</c>), written in one
/// transaction, so two concurrent takers cannot both take the last unit and a retried one takes nothing twice. A
/// waiting refund that an operator voids gets its taker row first, marked voided and taking nothing: whichever of the
/// void and the gift's release inserts that row first wins, so a voided refund is never stored.
/// </summary>
internal sealed class RefundTally(TableClient ids)
{
    private const string QuantityColumn = "Quantity";
    private const string VoidedColumn = "Voided";

    /// <summary>How much of the gift is already taken back.</summary>
    public async Task<long> RefundedAsync(GiftRecord gift, CancellationToken ct)
    {
        var (partition, tallyKey) = Keys(gift.PartnerId, gift.RecordId);
        var tally = await ids.GetEntityIfExistsAsync<TableEntity>(partition, tallyKey, cancellationToken: ct);
        return tally.HasValue ? tally.Value!.GetInt64(QuantityColumn) ?? 0 : 0;
    }

    /// <summary>What <paramref name="takerId"/> reserved of the gift, or null when it reserved nothing.</summary>
    public async Task<long?> ReservedAsync(GiftRecord gift, string takerId, CancellationToken ct)
    {
        var (partition, _) = Keys(gift.PartnerId, gift.RecordId);
        var reservation = await ids.GetEntityIfExistsAsync<TableEntity>(partition, ReservationKey(gift.RecordId, takerId), [QuantityColumn], ct);
        return reservation.HasValue ? reservation.Value!.GetInt64(QuantityColumn) : null;
    }

    /// <summary>
    /// Reserves <paramref name="quantity"/> of the gift for <paramref name="takerId"/>: reserved (now or before), voided
    /// (the taker was voided while it waited), or exceeded with why (naming the gift and what remains).
    /// </summary>
    public async Task<(RefundReservation Result, string? Refusal)> ReserveAsync(GiftRecord gift, string takerId, long quantity, CancellationToken ct)
    {
        var (partition, tallyKey) = Keys(gift.PartnerId, gift.RecordId);
        var reservationKey = ReservationKey(gift.RecordId, takerId);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var reservation = await ids.GetEntityIfExistsAsync<TableEntity>(partition, reservationKey, cancellationToken: ct);
            if (reservation.HasValue)
            {
                return (reservation.Value!.GetBoolean(VoidedColumn) == true ? RefundReservation.Voided : RefundReservation.Reserved, null);
            }

            var tally = await ids.GetEntityIfExistsAsync<TableEntity>(partition, tallyKey, cancellationToken: ct);
            var refunded = tally.HasValue ? tally.Value!.GetInt64(QuantityColumn) ?? 0 : 0;
            if (refunded + quantity > gift.Quantity)
            {
                return (RefundReservation.Exceeded, string.Create(CultureInfo.InvariantCulture,
                    $"conflicts with gift {gift.RecordId}: takes back {quantity}, but only {Math.Max(0, gift.Quantity - refunded)} of its {gift.Quantity} remain refundable ({refunded} already refunded or voided); a refund never takes back more than was sent."));
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
                return (RefundReservation.Reserved, null);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // A concurrent taker of the same gift moved the total (or this one was reserved meanwhile): look again.
            }
        }

        throw new RequestFailedException(503, "Refund quantity could not be reserved: too much contention on one gift.");
    }

    /// <summary>Whether the waiting refund <paramref name="refundId"/> of the gift was voided.</summary>
    public async Task<bool> IsVoidedAsync(string partnerId, string giftId, string refundId, CancellationToken ct)
    {
        var (partition, _) = Keys(partnerId, giftId);
        var row = await ids.GetEntityIfExistsAsync<TableEntity>(partition, ReservationKey(giftId, refundId), [VoidedColumn], ct);
        return row.HasValue && row.Value!.GetBoolean(VoidedColumn) == true;
    }

    /// <summary>
    /// Voids a waiting refund before its gift can release it: its taker row, taking nothing. <see cref="RefundReservation.Voided"/>
    /// when voided (by this call, or <c>Earlier</c> by another); <see cref="RefundReservation.Reserved"/> when the
    /// gift's release took its quantity first.
    /// </summary>
    public async Task<(RefundReservation Result, bool Earlier)> VoidWaitingAsync(string partnerId, string giftId, string refundId, string reason, string by, Instant at, CancellationToken ct)
    {
        var (partition, _) = Keys(partnerId, giftId);
        var row = new TableEntity(partition, ReservationKey(giftId, refundId))
        {
            [QuantityColumn] = 0L,
            [VoidedColumn] = true,
            ["VoidReason"] = reason,
            ["VoidedBy"] = by,
            ["VoidedAt"] = at.ToDateTimeOffset(),
        };
        var existing = (await Tables.InsertOnlyWriter.AddAsync(ids, [row], expectExisting: false, ct))[0];
        return existing is null ? (RefundReservation.Voided, false)
            : existing.GetBoolean(VoidedColumn) == true ? (RefundReservation.Voided, true)
            : (RefundReservation.Reserved, true);
    }

    private static string ReservationKey(string giftId, string takerId) => $"{giftId}|refund|{takerId}";

    private static (string Partition, string TallyKey) Keys(string partnerId, string giftId) =>
        (RecordIdIndex.Entry(RecordKind.Gift, partnerId, giftId, string.Empty, string.Empty).PartitionKey, giftId + "|refunded");
}
