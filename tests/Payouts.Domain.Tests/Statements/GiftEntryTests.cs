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
}
