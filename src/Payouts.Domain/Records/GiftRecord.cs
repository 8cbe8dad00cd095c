using NodaTime;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Records;

/// <summary>
/// A validated gift (or refund) event from a partner. The record carries the coin value at send time, because
/// catalogs change. The sender is only ever held as a keyed hash.
/// </summary>
public sealed record GiftRecord(
    string PartnerId,
    string RecordId,
    string CreatorId,
    string? LiveId,
    string? SenderHash,
    string GiftId,
    int CoinsPerGift,
    int Quantity,
    Instant OccurredAt,
    GiftKind Kind,
    string? OriginalRecordId)
{
    /// <summary>Signed coin value: refunds are negative.</summary>
    public Coins Coins => new((long)CoinsPerGift * Quantity * (Kind == GiftKind.Refund ? -1 : 1));
}
