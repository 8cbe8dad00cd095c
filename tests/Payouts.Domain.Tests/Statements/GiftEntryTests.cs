using NodaTime;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

public sealed class GiftEntryTests
{
    [Fact]
    public void From_KeepsTheRecordId_AndRefusesARefund()
    {
        Assert.Equal("g1", GiftEntry.From(Gift("g1", 5, 2, At(3)), Paris).RecordId);
        Assert.Throws<ArgumentException>(() => GiftEntry.From(Gift("r1", 5, 1, At(4), GiftKind.Refund, "g1"), Paris));
        Assert.Throws<ArgumentNullException>(() => GiftEntry.From(null!, Paris));
    }

    [Fact]
    public void ForRefund_KeepsTheRecordId_AndRefusesAGift()
    {
        var gift = Gift("g1", 5, 2, At(3));

        Assert.Equal("r1", GiftEntry.ForRefund(Gift("r1", 5, 1, At(4), GiftKind.Refund, "g1"), gift, Paris).RecordId);
        Assert.Throws<ArgumentException>(() => GiftEntry.ForRefund(gift, null, Paris));
        Assert.Throws<ArgumentNullException>(() => GiftEntry.ForRefund(null!, gift, Paris));
    }

    [Fact]
    public void From_KeepsTheLiveAndTheGift()
    {
        var entry = GiftEntry.From(Gift("g1", 5, 2, At(3), liveId: "live-3", giftId: "heart"), Paris);

        Assert.Equal(("live-3", "heart"), (entry.LiveId, entry.GiftId));
    }

    [Fact]
    public void ForRefund_TakesTheLiveAndGiftOfItsGift_OrItsOwnWhenTheGiftIsUnknown()
    {
        var gift = Gift("g1", 5, 2, At(3), liveId: "live-3", giftId: "heart");
        var refund = Gift("r1", 5, 1, At(4), GiftKind.Refund, "g1", liveId: "live-4", giftId: "rose");
        var outside = Gift("r2", 5, 1, At(4), GiftKind.Refund, "g1", liveId: null, giftId: "rose");

        var known = GiftEntry.ForRefund(refund, gift, Paris);
        var unknown = GiftEntry.ForRefund(refund, null, Paris);

        Assert.Equal(("live-3", "heart"), (known.LiveId, known.GiftId));
        Assert.Equal(("live-4", "rose"), (unknown.LiveId, unknown.GiftId));
        Assert.Equal("live-3", GiftEntry.ForRefund(outside, gift, Paris).LiveId);
        Assert.Null(GiftEntry.ForRefund(Gift("r3", 5, 1, At(4), GiftKind.Refund, "g1", liveId: "live-4"), gift with { LiveId = null }, Paris).LiveId);
    }

    [Fact]
    public void ForVoid_IsTheGiftsQuantityNegative_AtTheGiftsDateAndPeriod()
    {
        var gift = Gift("g1", 1000, 3, Instant.FromUtc(2026, 10, 31, 23, 30), liveId: "live-31", giftId: "galaxy");

        var entry = GiftEntry.ForVoid(new GiftVoid(gift, 2), Paris);

        Assert.Equal(-2000, entry.Coins.Value);
        Assert.Equal(2, entry.Quantity);
        Assert.False(entry.IsRefund);
        Assert.True(entry.IsVoid);
        Assert.Equal(gift.OccurredAt, entry.ValuedAt);
        Assert.Equal(November, entry.Period); // 00:30 on 1 November in Paris
        Assert.Equal(("tiklive", "g1", "live-31", "galaxy"), (entry.PartnerId, entry.RecordId, entry.LiveId, entry.GiftId));
    }

    [Fact]
    public void ForVoid_TakesBackTheWholeGiftAtMost()
    {
        var gift = Gift("g1", 5, 3, At(3));

        Assert.Equal(-15, GiftEntry.ForVoid(new GiftVoid(gift, 3), Paris).Coins.Value);
        Assert.Equal(-5, GiftEntry.ForVoid(new GiftVoid(gift, 1), Paris).Coins.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => GiftEntry.ForVoid(new GiftVoid(gift, 4), Paris));
        Assert.Throws<ArgumentOutOfRangeException>(() => GiftEntry.ForVoid(new GiftVoid(gift, 0), Paris));
    }

    [Fact]
    public void ForVoid_RefusesARefund_AndNull()
    {
        Assert.Throws<ArgumentException>(() => GiftEntry.ForVoid(new GiftVoid(Gift("r1", 5, 1, At(4), GiftKind.Refund, "g1"), 1), Paris));
        Assert.Throws<ArgumentNullException>(() => GiftEntry.ForVoid(null!, Paris));
    }

    [Fact]
    public void FromAndForRefund_AreNoVoids_AndNameTheirPartner()
    {
        var gift = GiftEntry.From(Gift("g1", 5, 2, At(3)), Paris);
        var refund = GiftEntry.ForRefund(Gift("r1", 5, 1, At(4), GiftKind.Refund, "g1"), null, Paris);

        Assert.False(gift.IsVoid || refund.IsVoid);
        Assert.Equal(("tiklive", "tiklive"), (gift.PartnerId, refund.PartnerId));
    }
}
