using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

/// <summary>A partner learns everything wrong with a record in one answer: every bad field, and every broken rule of each field.</summary>
public sealed class GiftRecordReaderErrorsTests
{
    [Fact]
    public void Read_ManyBadFields_ReportsEveryField()
    {
        var json = """
            {"recordId":"","giftId":"rose bud","coinsPerGift":0,"quantity":"x","occurredAt":"tomorrow","kind":"gifts","liveId":5}
            """;
        var result = ReadGift(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Record);
        Assert.Equal(
            ["coinsPerGift", "creatorId", "giftId", "kind", "liveId", "occurredAt", "quantity", "recordId"],
            result.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Read_GiftNamingItselfAsOriginal_ReportsBothRulesOfTheField()
    {
        var errors = ErrorsOf(ReadGift(With(Gift, "originalRecordId", "\"msg-1\"")), "originalRecordId");

        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, m => m.Contains("only allowed on refunds", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("another record", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_IdentifierTooLongAndWithForbiddenCharacters_ReportsBothRules()
    {
        var errors = ErrorsOf(ReadGift(With(Gift, "recordId", Quoted(new string(' ', 200)))), "recordId");

        Assert.Contains(errors, m => m.Contains("at most 128", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("may only contain", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InvalidRecordWithReadableId_EchoesTheId()
    {
        var result = ReadGift(With(Gift, "quantity", "0"));
        Assert.Equal("msg-1", result.RecordId);
        Assert.Null(result.Record);
    }

    [Fact]
    public void Read_InvalidRecordId_EchoesNoId() => Assert.Null(ReadGift(With(Gift, "recordId", "\"a b\"")).RecordId);

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"gift\"")]
    [InlineData("null")]
    public void Read_NotAnObject_IsOneRecordError(string json)
    {
        var result = ReadGift(json);

        Assert.False(result.IsValid);
        Assert.Equal(["record"], result.Errors.ToDictionary().Keys);
        Assert.Equal("record: must be a JSON object", result.Errors.ToString());
    }

    [Fact]
    public void Read_PropertyGivenTwice_IsError()
    {
        var result = ReadGift(Gift.Replace("\"quantity\":5", "\"quantity\":5,\"quantity\":6", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Contains("is given more than once", ErrorsOf(result, "quantity"));
    }

    [Fact]
    public void Read_UnknownExtraProperty_IsIgnored() => Assert.True(ReadGift(With(Gift, "giftName", "\"Rose\"")).IsValid);

    [Fact]
    public void FieldErrors_ToString_ListsFieldsInOrderWithTheirMessages()
    {
        var result = ReadGift(With(With(Gift, "quantity", "0"), "coinsPerGift", "0"));
        Assert.Equal("coinsPerGift: must be between 1 and 100000; quantity: must be between 1 and 100000", result.Errors.ToString());
    }
}
