using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

/// <summary>Every rule of every deal field (ARCHITECTURE.md §3), one bad value at a time.</summary>
public sealed class DealRecordReaderFieldTests
{
    public static TheoryData<string> RequiredFields => ["recordId", "creatorId", "type", "amount", "currency", "earnedAt"];

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Read_RequiredFieldMissing_IsRequiredError(string field) =>
        Assert.Contains("is required", ErrorsOf(ReadDeal(Without(Deal, field)), field));

    [Theory]
    [InlineData("productPlacement")]
    [InlineData("sponsoredLive")]
    [InlineData("brandChallenge")]
    public void Read_BrandDealWithoutBrand_IsError(string type) =>
        Assert.Contains(ErrorsOf(ReadDeal(Without(With(Deal, "type", Quoted(type)), "brand")), "brand"), m => m.Contains("required for brand deals", StringComparison.Ordinal));

    [Theory]
    [InlineData("type", "\"ProductPlacement\"", "must be one of")]
    [InlineData("type", "\"placement\"", "must be one of")]
    [InlineData("type", "3", "must be a string")]
    [InlineData("recordId", "\"d 1\"", "may only contain")]
    [InlineData("creatorId", "\"\"", "must not be empty")]
    [InlineData("brand", "\"\"", "must not be blank")]
    [InlineData("brand", "\"   \"", "must not be blank")]
    [InlineData("brand", "\"Ac\\u0007me\"", "control characters")]
    [InlineData("brand", "\"Acme\\nInc\"", "control characters")]
    [InlineData("brand", "42", "must be a string")]
    [InlineData("reference", "\"\\t\"", "control characters")]
    [InlineData("reference", "\"ref\\u001b[31m\"", "control characters")]
    [InlineData("amount", "1250.00", "must be a string")]
    [InlineData("amount", "\"abc\"", "decimal number")]
    [InlineData("amount", "\"1,250.00\"", "decimal number")]
    [InlineData("amount", "\"1e3\"", "decimal number")]
    [InlineData("amount", "\" 12\"", "decimal number")]
    [InlineData("amount", "\"\"", "decimal number")]
    [InlineData("amount", "\"0\"", "must not be zero")]
    [InlineData("amount", "\"-0.00\"", "must not be zero")]
    [InlineData("amount", "\"10000000000.01\"", "at most")]
    [InlineData("amount", "\"-10000000000.01\"", "at most")]
    [InlineData("amount", "\"1.005\"", "at most 2 decimals for EUR")]
    [InlineData("amount", "\"000000000000000000000000000000001\"", "decimal number")] // 33 characters
    [InlineData("currency", "\"eur\"", "ISO 4217")]
    [InlineData("currency", "\"XXX\"", "ISO 4217")]
    [InlineData("currency", "\"Diamond\"", "ISO 4217")]
    [InlineData("currency", "\"DIAMOND\"", "only allowed for eventBonus")]
    [InlineData("currency", "\"E R\"", "may only contain")]
    [InlineData("agencyCommissionRate", "\"1.5\"", "between 0 and 1")]
    [InlineData("agencyCommissionRate", "\"-0.1\"", "between 0 and 1")]
    [InlineData("agencyCommissionRate", "\"15%\"", "decimal number")]
    [InlineData("agencyCommissionRate", "0.15", "must be a string")]
    public void Read_BadField_IsFieldError(string field, string raw, string message)
    {
        var result = ReadDeal(With(Deal, field, raw));

        Assert.False(result.IsValid);
        Assert.Contains(ErrorsOf(result, field), m => m.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("brand", 256, true)]
    [InlineData("brand", 257, false)]
    [InlineData("reference", 256, true)]
    [InlineData("reference", 257, false)]
    public void Read_FreeTextLength_IsAtMost256(string field, int length, bool valid) =>
        Assert.Equal(valid, ReadDeal(With(Deal, field, Quoted(new string('b', length)))).IsValid);

    [Theory]
    [InlineData("EUR", "1500.5", true)]
    [InlineData("EUR", "500.000", true)] // trailing zeros are not extra precision
    [InlineData("JPY", "1500", true)]
    [InlineData("JPY", "1500.5", false)]
    [InlineData("KWD", "1.234", true)]
    [InlineData("KWD", "1.2345", false)]
    [InlineData("USD", "10000000000", true)] // the maximum itself
    [InlineData("USD", ".5", true)]
    [InlineData("USD", "+5", true)]
    public void Read_AmountDecimals_FollowTheCurrency(string currency, string amount, bool valid)
    {
        var json = With(With(Deal, "currency", Quoted(currency)), "amount", Quoted(amount));
        Assert.Equal(valid, ReadDeal(json).IsValid);
    }

    [Theory]
    [InlineData("2000.1234", true)]
    [InlineData("2000.12345", false)]
    [InlineData("-500", true)]
    public void Read_DiamondAmount_HasAtMostFourDecimals(string amount, bool valid) =>
        Assert.Equal(valid, ReadDeal(With(Bonus, "amount", Quoted(amount))).IsValid);

    [Fact]
    public void Read_FreeTextWithMarkup_IsAcceptedAsText() =>
        Assert.Equal("<b>Acme</b> & Co", ReadDeal(With(Deal, "brand", Quoted("<b>Acme</b> & Co"))).Record!.Brand);
}
