using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

/// <summary>Every rule of every gift field (ARCHITECTURE.md §3), one bad value at a time.</summary>
public sealed class GiftRecordReaderFieldTests
{
    public static TheoryData<string> IdentifierFields => ["recordId", "creatorId", "giftId", "liveId", "senderId"];

    public static TheoryData<string> RequiredFields => ["recordId", "creatorId", "giftId", "coinsPerGift", "quantity", "occurredAt", "kind"];

    public static TheoryData<string, string, string> BadIdentifiers => new()
    {
        { "recordId", "\"\"", "must not be empty" },
        { "recordId", Quoted(new string('a', 129)), "at most 128" },
        { "recordId", "\"a b\"", "may only contain" },
        { "recordId", "\"caf\u00e9\"", "may only contain" },
        { "recordId", "\"a/b\"", "may only contain" },
        { "recordId", "\"a~b\"", "may only contain" },
        { "recordId", "\"a\\u0000b\"", "may only contain" },
        { "recordId", "42", "must be a string" },
        { "creatorId", "\"\"", "must not be empty" },
        { "creatorId", "\"lea<script>\"", "may only contain" },
        { "creatorId", "true", "must be a string" },
        { "giftId", "\"rose bud\"", "may only contain" },
        { "giftId", "{}", "must be a string" },
        { "liveId", "\"live#1\"", "may only contain" },
        { "liveId", "\"\"", "must not be empty" },
        { "senderId", "\"viewer 42\"", "may only contain" },
        { "senderId", "[]", "must be a string" },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Read_RequiredFieldMissing_IsRequiredError(string field)
    {
        var result = ReadGift(Without(Gift, field));

        Assert.False(result.IsValid);
        Assert.Contains("is required", ErrorsOf(result, field));
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Read_RequiredFieldNull_IsRequiredError(string field) =>
        Assert.Contains("is required", ErrorsOf(ReadGift(With(Gift, field, "null")), field));

    [Theory]
    [MemberData(nameof(BadIdentifiers))]
    public void Read_BadIdentifier_IsFieldError(string field, string raw, string message)
    {
        var result = ReadGift(With(Gift, field, raw));

        Assert.False(result.IsValid);
        Assert.Contains(ErrorsOf(result, field), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(1, result.Errors.Count);
    }

    [Theory]
    [MemberData(nameof(IdentifierFields))]
    public void Read_IdentifierOfEveryAllowedCharacterAndMaxLength_IsAccepted(string field)
    {
        var full = "AZaz09-_.:@" + new string('x', 128 - 11);
        var result = ReadGift(With(Gift, field, Quoted(full)));

        Assert.True(result.IsValid, result.Errors.ToString());
    }

    [Theory]
    [InlineData("coinsPerGift", "0", "between 1 and 100000")]
    [InlineData("coinsPerGift", "-1", "between 1 and 100000")]
    [InlineData("coinsPerGift", "100001", "between 1 and 100000")]
    [InlineData("coinsPerGift", "1.5", "whole number")]
    [InlineData("coinsPerGift", "\"5\"", "whole number")]
    [InlineData("coinsPerGift", "true", "whole number")]
    [InlineData("coinsPerGift", "9223372036854775808", "whole number")]
    [InlineData("quantity", "0", "between 1 and 100000")]
    [InlineData("quantity", "-3", "between 1 and 100000")]
    [InlineData("quantity", "100001", "between 1 and 100000")]
    [InlineData("quantity", "2.5", "whole number")]
    [InlineData("quantity", "\"1\"", "whole number")]
    public void Read_BadWholeNumber_IsFieldError(string field, string raw, string message) =>
        Assert.Contains(ErrorsOf(ReadGift(With(Gift, field, raw)), field), m => m.Contains(message, StringComparison.Ordinal));

    [Theory]
    [InlineData("coinsPerGift", "1")]
    [InlineData("coinsPerGift", "100000")]
    [InlineData("quantity", "1")]
    [InlineData("quantity", "100000")]
    public void Read_WholeNumberAtBound_IsAccepted(string field, string raw) => Assert.True(ReadGift(With(Gift, field, raw)).IsValid);
}
