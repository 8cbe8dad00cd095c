using Payouts.Domain.Monetary;
using Payouts.Domain.Records.Validation;
using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

/// <summary>Issue 13.3 at ingest: each per-record limit is accepted exactly at its value and refused one step beyond, in the currencies whose minor units stretch the statement bound most.</summary>
public sealed class RecordLimitsTests
{
    public static TheoryData<string> Currencies => ["IDR", "VND", "JPY", "KWD", "EUR"];

    [Theory]
    [MemberData(nameof(Currencies))]
    public void ReadDeal_AmountAtTheLimit_IsAccepted(string currency)
    {
        var result = ReadDeal(With(With(Deal, "currency", Quoted(currency)), "amount", Quoted($"-{DealRecordReader.MaxAbsoluteAmount}")));

        Assert.True(result.IsValid, result.Errors.ToString());
        Assert.Equal(-DealRecordReader.MaxAbsoluteAmount, result.Record!.Amount.Value);
    }

    [Theory]
    [MemberData(nameof(Currencies))]
    public void ReadDeal_AmountOneMinorUnitBeyondTheLimit_IsAmountError(string currency)
    {
        var minorUnit = 1m / Currency.FromCode(currency).MinorPerMajor;
        var beyond = DealRecordReader.MaxAbsoluteAmount + minorUnit;

        var result = ReadDeal(With(With(Deal, "currency", Quoted(currency)), "amount", Quoted(beyond.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.False(result.IsValid);
        Assert.Contains(ErrorsOf(result, "amount"), m => m.StartsWith("must be at most", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadGift_CountsAtTheLimits_AreAccepted()
    {
        var result = ReadGift(With(With(Gift, "coinsPerGift", $"{GiftRecordReader.MaxCoinsPerGift}"), "quantity", $"{GiftRecordReader.MaxQuantity}"));

        Assert.True(result.IsValid, result.Errors.ToString());
    }

    [Theory]
    [InlineData("coinsPerGift")]
    [InlineData("quantity")]
    public void ReadGift_CountOneBeyondItsLimit_IsFieldError(string field)
    {
        var limit = field == "quantity" ? GiftRecordReader.MaxQuantity : GiftRecordReader.MaxCoinsPerGift;

        var result = ReadGift(With(Gift, field, $"{limit + 1}"));

        Assert.Equal([$"must be between 1 and {limit}"], ErrorsOf(result, field));
    }
}
