using Payouts.Domain.Records;
using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

public sealed class GiftRefundReaderTests
{
    [Fact]
    public void Read_Refund_IsNegativeAndNamesTheOriginal()
    {
        var refund = ReadGift(Refund).Record!;

        Assert.Equal(GiftKind.Refund, refund.Kind);
        Assert.Equal("msg-0", refund.OriginalRecordId);
        Assert.Equal(-1000, refund.Coins.Value);
    }

    [Fact]
    public void Read_RefundWithoutOriginal_IsError() =>
        Assert.Contains(ErrorsOf(ReadGift(Without(Refund, "originalRecordId")), "originalRecordId"), m => m.Contains("required for a refund", StringComparison.Ordinal));

    [Fact]
    public void Read_RefundWithNullOriginal_IsError() =>
        Assert.NotEmpty(ErrorsOf(ReadGift(With(Refund, "originalRecordId", "null")), "originalRecordId"));

    [Fact]
    public void Read_RefundWithMalformedOriginal_ReportsOnlyTheShape()
    {
        var errors = ErrorsOf(ReadGift(With(Refund, "originalRecordId", "\"msg 0\"")), "originalRecordId");
        Assert.Single(errors);
        Assert.Contains("may only contain", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GiftWithOriginal_IsError() =>
        Assert.Contains(ErrorsOf(ReadGift(With(Gift, "originalRecordId", "\"msg-0\"")), "originalRecordId"), m => m.Contains("only allowed on refunds", StringComparison.Ordinal));

    [Fact]
    public void Read_NoKindWithOriginal_IsRejectedOnKind()
    {
        var result = ReadGift(With(Without(Gift, "kind"), "originalRecordId", "\"msg-0\""));

        Assert.False(result.IsValid);
        Assert.NotEmpty(ErrorsOf(result, "kind"));
    }

    [Fact]
    public void Read_RefundOfItself_IsError() =>
        Assert.Contains(ErrorsOf(ReadGift(With(Refund, "originalRecordId", "\"msg-2\"")), "originalRecordId"), m => m.Contains("another record", StringComparison.Ordinal));

    [Theory]
    [InlineData("\"Refund\"")]
    [InlineData("\"GIFT\"")]
    [InlineData("\"chargeback\"")]
    [InlineData("\"\"")]
    public void Read_UnknownKind_ListsTheChoices(string raw)
    {
        var errors = ErrorsOf(ReadGift(With(Gift, "kind", raw)), "kind");
        Assert.Single(errors);
        Assert.Contains("\"gift\"", errors[0], StringComparison.Ordinal);
        Assert.Contains("\"refund\"", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KindNotAString_IsError() => Assert.Contains("must be a string", ErrorsOf(ReadGift(With(Gift, "kind", "1")), "kind"));
}
