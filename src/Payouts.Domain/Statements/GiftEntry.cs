using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;

namespace Payouts.Domain.Statements;

/// <summary>
/// A gift record reduced to what the calculator needs: signed coins, the instant whose rates value it, and the period
/// it belongs to (when that period is earlier than the statement's, it is a prior-period adjustment).
/// A small struct, so a million of them aggregate without a per-record allocation.
/// </summary>
public readonly record struct GiftEntry(Coins Coins, int Quantity, bool IsRefund, Instant ValuedAt, PeriodKey Period)
{
    /// <summary>The partner's record id, named when the entry cannot be valued (a blocked statement lists it).</summary>
    public string? RecordId { get; init; }

    /// <summary>The LIVE the gift was sent in (a refund: its gift's LIVE); null outside a LIVE.</summary>
    public string? LiveId { get; init; }

    /// <summary>The catalog gift (a refund: its gift's), for the statement's top gifts.</summary>
    public string? GiftId { get; init; }

    /// <summary>The partner whose record it is (named on a void's line).</summary>
    public string? PartnerId { get; init; }

    /// <summary>The reversal of a voided gift (<see cref="RecordId"/> is the gift's): a line of its own, never on a day.</summary>
    public bool IsVoid { get; init; }

    public static GiftEntry From(GiftRecord gift, PeriodCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(gift);
        return gift.Kind == GiftKind.Refund
            ? throw new ArgumentException("Use ForRefund for refunds: they are valued at the refunded gift's rates.", nameof(gift))
            : new GiftEntry(gift.Coins, gift.Quantity, false, gift.OccurredAt, calendar.PeriodOf(gift.OccurredAt))
            {
                RecordId = gift.RecordId,
                LiveId = gift.LiveId,
                GiftId = gift.GiftId,
                PartnerId = gift.PartnerId,
            };
    }

    /// <summary>
    /// A void takes back the quantity refunds had not, negative, valued at the gift's own rates and counted toward the
    /// gift's period, like a refund of it would be.
    /// </summary>
    public static GiftEntry ForVoid(GiftVoid voided, PeriodCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(voided);
        var gift = voided.Gift;
        if (gift.Kind == GiftKind.Refund)
        {
            throw new ArgumentException("A refund cannot be voided: only a gift can.", nameof(voided));
        }

        if (voided.Quantity < 1 || voided.Quantity > gift.Quantity)
        {
            throw new ArgumentOutOfRangeException(nameof(voided), voided.Quantity, $"A void takes back 1 to {gift.Quantity} of the gift.");
        }

        return new GiftEntry(new Coins(-(long)gift.CoinsPerGift * voided.Quantity), voided.Quantity, false, gift.OccurredAt, calendar.PeriodOf(gift.OccurredAt))
        {
            RecordId = gift.RecordId,
            LiveId = gift.LiveId,
            GiftId = gift.GiftId,
            PartnerId = gift.PartnerId,
            IsVoid = true,
        };
    }

    /// <summary>
    /// A refund is valued at the rates of the gift it refunds and counts toward that gift's period. When the original is
    /// unknown (never sent to us), it is valued at its own date, the best evidence there is.
    /// </summary>
    public static GiftEntry ForRefund(GiftRecord refund, GiftRecord? original, PeriodCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.Kind != GiftKind.Refund)
        {
            throw new ArgumentException("Not a refund.", nameof(refund));
        }

        var valuedAt = original?.OccurredAt ?? refund.OccurredAt;
        return new GiftEntry(refund.Coins, refund.Quantity, true, valuedAt, calendar.PeriodOf(valuedAt))
        {
            RecordId = refund.RecordId,
            LiveId = original is null ? refund.LiveId : original.LiveId,
            GiftId = original?.GiftId ?? refund.GiftId,
            PartnerId = refund.PartnerId,
        };
    }
}
