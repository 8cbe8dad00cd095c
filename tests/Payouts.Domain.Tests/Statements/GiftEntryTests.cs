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
}
