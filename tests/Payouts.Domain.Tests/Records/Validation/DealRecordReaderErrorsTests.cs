using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

public sealed class DealRecordReaderErrorsTests
{
    [Fact]
    public void Read_ManyBadFields_ReportsEveryField()
    {
        var json = """
            {"recordId":"d 1","type":"placement","brand":"","amount":"x","currency":"eur","earnedAt":"soon","reference":"\u0007","agencyCommissionRate":"2"}
            """;
        var result = ReadDeal(json);

        Assert.Null(result.Record);
        Assert.Equal(
            ["agencyCommissionRate", "amount", "brand", "creatorId", "currency", "earnedAt", "recordId", "reference", "type"],
            result.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Read_AmountTooLargeAndTooPrecise_ReportsBothRules()
    {
        var errors = ErrorsOf(ReadDeal(With(Deal, "amount", "\"10000000000.001\"")), "amount");

        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, m => m.Contains("at most 10,000,000,000", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("decimals", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ZeroAmountInDiamondsForABrandDeal_ReportsAmountAndCurrency()
    {
        var result = ReadDeal(With(With(Deal, "amount", "\"0\""), "currency", "\"DIAMOND\""));

        Assert.Contains("must not be zero", ErrorsOf(result, "amount"));
        Assert.Contains("DIAMOND is only allowed for eventBonus", ErrorsOf(result, "currency"));
    }

    [Fact]
    public void Read_BadAmountAndUnknownCurrency_ReportsBoth()
    {
        var result = ReadDeal(With(With(Deal, "amount", "\"1.005\""), "currency", "\"XYZ\""));

        Assert.NotEmpty(ErrorsOf(result, "currency"));
        Assert.Empty(ErrorsOf(result, "amount")); // decimals cannot be judged without a known currency
    }

    [Fact]
    public void Read_BrandTooLongWithControlCharacters_ReportsBothRules()
    {
        var errors = ErrorsOf(ReadDeal(With(Deal, "brand", Quoted(new string('\u0007', 300)))), "brand");

        Assert.Contains(errors, m => m.Contains("at most 256", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("control characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InvalidTypeAndNoBrand_DoesNotGuessTheBrandRule()
    {
        var result = ReadDeal(Without(With(Deal, "type", "\"placement\""), "brand"));
        Assert.Empty(ErrorsOf(result, "brand"));
        Assert.NotEmpty(ErrorsOf(result, "type"));
    }

    [Fact]
    public void Read_NotAnObject_IsOneRecordError() => Assert.Equal(["record"], ReadDeal("[1,2]").Errors.ToDictionary().Keys);
}
