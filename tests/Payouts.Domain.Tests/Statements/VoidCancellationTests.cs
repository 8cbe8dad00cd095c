using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>What one read counts once voids are applied: a voided record read with its void never counts.</summary>
public sealed class VoidCancellationTests
{
    private static readonly GiftRecord Gift3 = Gift("g", 1000, 3, At(10));

    private static DealRecord DealRecord(string id) => Deal(id, DealType.ProductPlacement, DealAmount.Of(100m, Currency.EUR), At(10));

    private static GiftRecord RefundOf(string id, int quantity, string gift = "g") => Gift(id, 1000, quantity, At(12), GiftKind.Refund, gift);

    [Fact]
    public void Apply_NoVoids_CountsEveryRecord()
    {
        var counted = VoidCancellation.Apply([Gift3, RefundOf("r", 1)], [], [DealRecord("d")], []);

        Assert.Equal(["g", "r"], counted.Gifts.Select(g => g.RecordId));
        Assert.Equal(["d"], counted.Deals.Select(d => d.RecordId));
        Assert.Empty(counted.GiftVoids);
        Assert.Empty(counted.DealVoids);
        Assert.Equal(0, counted.Cancelled);
    }

    [Fact]
    public void Apply_ADealAndItsVoid_BothDropOut()
    {
        var counted = VoidCancellation.Apply([], [], [DealRecord("d"), DealRecord("keep")], [DealRecord("d")]);

        Assert.Equal(["keep"], counted.Deals.Select(d => d.RecordId));
        Assert.Empty(counted.DealVoids);
        Assert.Equal(2, counted.Cancelled);
    }

    [Fact]
    public void Apply_AVoidWhoseDealWasCountedEarlier_IsCountedAsAVoid()
    {
        var counted = VoidCancellation.Apply([], [], [DealRecord("other")], [DealRecord("d")]);

        Assert.Equal(["d"], counted.DealVoids.Select(d => d.RecordId));
        Assert.Equal(["other"], counted.Deals.Select(d => d.RecordId));
        Assert.Equal(0, counted.Cancelled);
    }

    [Fact]
    public void Apply_AGiftAndItsVoid_BothDropOut()
    {
        var counted = VoidCancellation.Apply([Gift3, Gift("keep", 1, 1, At(3))], [new GiftVoid(Gift3, 3)], [], []);

        Assert.Equal(["keep"], counted.Gifts.Select(g => g.RecordId));
        Assert.Empty(counted.GiftVoids);
        Assert.Equal(2, counted.Cancelled);
    }

    [Fact]
    public void Apply_AGiftItsRefundsAndItsVoid_AllDropOut()
    {
        // 3 sent, 1 + 1 refunded, the void took back the 1 left.
        var counted = VoidCancellation.Apply([Gift3, RefundOf("r1", 1), RefundOf("r2", 1), RefundOf("r-other", 1, "g-other")], [new GiftVoid(Gift3, 1)], [], []);

        Assert.Equal(["r-other"], counted.Gifts.Select(g => g.RecordId));
        Assert.Equal(4, counted.Cancelled);
    }

    [Fact]
    public void Apply_AGiftAndItsVoid_WithARefundStoredElsewhere_KeepsWhatThatRefundTook()
    {
        // 3 sent, 1 refunded (read by another statement), the void took back 2: here the gift counts the 1 the
        // refund reverses when it is counted, so the gift adds up to zero over both statements.
        var counted = VoidCancellation.Apply([Gift3], [new GiftVoid(Gift3, 2)], [], []);

        var kept = Assert.Single(counted.Gifts);
        Assert.Equal(Gift3 with { Quantity = 1 }, kept);
        Assert.Empty(counted.GiftVoids);
        Assert.Equal(1, counted.Cancelled);
    }

    [Fact]
    public void Apply_AVoidAndRefundsTakingMoreThanTheGift_DropTheGiftAndKeepTheRefunds()
    {
        // Cannot happen with reservations; if rows ever say so, nothing is counted twice and the refund still counts.
        var counted = VoidCancellation.Apply([Gift3, RefundOf("r", 1)], [new GiftVoid(Gift3, 3)], [], []);

        Assert.Equal(["r"], counted.Gifts.Select(g => g.RecordId));
        Assert.Equal(2, counted.Cancelled);
    }

    [Fact]
    public void Apply_AVoidWhoseGiftWasCountedEarlier_IsCountedAsAVoid_AndTheGiftsRefundsStayRefunds()
    {
        var voided = new GiftVoid(Gift3, 2);

        var counted = VoidCancellation.Apply([RefundOf("r", 1)], [voided], [], []);

        Assert.Equal([voided], counted.GiftVoids);
        Assert.Equal(["r"], counted.Gifts.Select(g => g.RecordId));
        Assert.Equal(0, counted.Cancelled);
    }

    [Fact]
    public void Apply_PairsByPartnerAndRecordId()
    {
        var otherPartners = Gift3 with { PartnerId = "otherpartner" };
        var otherDeal = DealRecord("d") with { PartnerId = "otherpartner" };

        var counted = VoidCancellation.Apply([otherPartners], [new GiftVoid(Gift3, 3)], [otherDeal], [DealRecord("d")]);

        Assert.Equal([otherPartners], counted.Gifts);
        Assert.Single(counted.GiftVoids);
        Assert.Equal([otherDeal], counted.Deals);
        Assert.Single(counted.DealVoids);
        Assert.Equal(0, counted.Cancelled);
    }

    [Fact]
    public void Apply_OrdersEachListByPartnerThenRecordId_Ordinally()
    {
        var counted = VoidCancellation.Apply(
            [Gift("b", 1, 1, At(3)), Gift("B", 1, 1, At(3)), Gift("a", 1, 1, At(3)) with { PartnerId = "z" }],
            [new GiftVoid(Gift("y", 1, 1, At(3)), 1), new GiftVoid(Gift("x", 1, 1, At(3)), 1)],
            [DealRecord("d2"), DealRecord("D1")],
            [DealRecord("v2"), DealRecord("v1")]);

        Assert.Equal(["B", "b", "a"], counted.Gifts.Select(g => g.RecordId));
        Assert.Equal(["x", "y"], counted.GiftVoids.Select(v => v.Gift.RecordId));
        Assert.Equal(["D1", "d2"], counted.Deals.Select(d => d.RecordId));
        Assert.Equal(["v1", "v2"], counted.DealVoids.Select(d => d.RecordId));
    }

    [Fact]
    public void Apply_NullLists_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => VoidCancellation.Apply(null!, [], [], []));
        Assert.Throws<ArgumentNullException>(() => VoidCancellation.Apply([], null!, [], []));
        Assert.Throws<ArgumentNullException>(() => VoidCancellation.Apply([], [], null!, []));
        Assert.Throws<ArgumentNullException>(() => VoidCancellation.Apply([], [], [], null!));
    }
}
