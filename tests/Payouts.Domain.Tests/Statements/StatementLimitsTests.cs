using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>
/// Issue 13.3: at the per-record limits a statement computes in every payout currency, including the ones with many
/// minor units per USD (IDR, VND), none (JPY) and three decimals (KWD); beyond the per-statement bound, or so far beyond
/// that checked arithmetic overflows, it comes out Blocked with a reason, never an exception.
/// </summary>
public sealed class StatementLimitsTests
{
    /// <summary>(currency, USD→currency at the end of 2026-11, roughly the market's).</summary>
    public static TheoryData<string, decimal> Currencies => new()
    {
        { "IDR", 16_500m },
        { "VND", 25_500m },
        { "JPY", 150m },
        { "KWD", 0.307m },
    };

    [Theory]
    [MemberData(nameof(Currencies))]
    public void Calculate_OneGiftAtTheRecordLimits_IsIssuedWithinTheBound(string code, decimal usdRate)
    {
        var statement = Calculate(gifts: [MaxGift()], contract: ContractIn(code), rates: RatesFor(code, usdRate));

        Assert.Equal(StatementStatus.Issued, statement.Status);
        Assert.True(statement.Totals!.Gifts.MinorUnits > 0);
        Assert.True(StatementLimits.IsWithin(statement.Totals.Balance), statement.Totals.Balance.ToString());
        Assert.Equal((long)GiftRecordReader.MaxCoinsPerGift * GiftRecordReader.MaxQuantity, statement.Gifts!.Coins.Value);
    }

    [Theory]
    [MemberData(nameof(Currencies))]
    public void Calculate_OneDealAtTheRecordLimitInThePayoutCurrency_IsIssuedAtItsFullAmount(string code, decimal usdRate)
    {
        var currency = Currency.FromCode(code);
        var deal = DealOf(Deal("d-max", DealType.ProductPlacement, DealAmount.Of(DealRecordReader.MaxAbsoluteAmount, currency), At(5)));

        var statement = Calculate(deals: [deal], contract: ContractIn(code), rates: RatesFor(code, usdRate));

        Assert.Equal(StatementStatus.Issued, statement.Status);
        Assert.Equal(DealRecordReader.MaxAbsoluteAmount, statement.Totals!.Deals.Amount);
    }

    [Theory]
    [MemberData(nameof(Currencies))]
    public void Calculate_GiftsAtTheRecordLimitsBeyondTheStatementBound_IsBlockedNamingTheBound(string code, decimal usdRate)
    {
        var rates = RatesFor(code, usdRate);
        var one = Calculate(gifts: [MaxGift()], contract: ContractIn(code), rates: rates).Totals!.Gifts.MinorUnits;
        var count = (int)((StatementLimits.MaxAbsoluteMinorUnits / one) + 1);
        var gifts = Enumerable.Repeat(MaxGift(), count).ToList();

        var statement = Calculate(gifts: gifts, contract: ContractIn(code), rates: rates);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.Contains("per-statement bound", StringComparison.Ordinal) && r.Contains(code, StringComparison.Ordinal));
        Assert.Contains(statement.BlockedReasons, r => r.Contains("the gifts subtotal", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Currencies))]
    public void Calculate_OneGiftShortOfTheBound_IsNotBlocked(string code, decimal usdRate)
    {
        var rates = RatesFor(code, usdRate);
        var one = Calculate(gifts: [MaxGift()], contract: ContractIn(code), rates: rates).Totals!.Gifts.MinorUnits;
        var currency = Currency.FromCode(code);
        var broughtForward = new Money(StatementLimits.MaxAbsoluteMinorUnits - one, currency);

        var statement = Calculate(gifts: [MaxGift()], broughtForward: broughtForward, contract: ContractIn(code, commission: 0m), rates: rates);

        Assert.NotEqual(StatementStatus.Blocked, statement.Status);
        Assert.Equal(StatementLimits.MaxAbsolute(currency), statement.Totals!.Balance);
    }

    [Theory]
    [MemberData(nameof(Currencies))]
    public void Calculate_BalanceOneMinorUnitBeyondTheBound_IsBlocked(string code, decimal usdRate)
    {
        var currency = Currency.FromCode(code);
        var oneMinorUnit = DealAmount.Of(1m / currency.MinorPerMajor, currency);
        var deal = DealOf(Deal("d-1", DealType.EventBonus, oneMinorUnit, At(5)));

        var statement = Calculate(deals: [deal], broughtForward: StatementLimits.MaxAbsolute(currency), contract: ContractIn(code, commission: 0m), rates: RatesFor(code, usdRate));

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.StartsWith("the balance is", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_DealAtTheRecordLimitConvertedBeyondTheBound_IsBlockedNamingTheLine()
    {
        var rates = RatesFor("IDR", 16_500m).Entries.Append(Fx("KWD/IDR", 2026, 11, 30, 53_700m));
        var deal = DealOf(Deal("d-kwd", DealType.BrandChallenge, DealAmount.Of(DealRecordReader.MaxAbsoluteAmount, Currency.KWD), At(5)));

        var statement = Calculate(deals: [deal], contract: ContractIn("IDR"), rates: new RateBook(rates));

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.StartsWith("the line \"Deal: brandChallenge", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_CoinsBeyondLongFromRecordsPastTheIngestLimits_IsBlockedNotThrown()
    {
        // Records built in code skip the ingest limits: three of int.MaxValue × int.MaxValue coins overflow a long.
        var huge = GiftEntry.From(Gift("g-huge", int.MaxValue, int.MaxValue, At(5)), Paris);

        var statement = Calculate(gifts: [huge, huge, huge]);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.StartsWith("the amounts are too large to compute", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_ValueBeyondDecimalFromExtremeRates_IsBlockedNotThrown()
    {
        // Rates at the admin API's upper bound (10^6 each) times a long's worth of coins leave decimal's range.
        var rates = new RateBook(
        [
            new RateEntry(RateKind.DiamondsPerCoin, "FR", new NodaTime.LocalDate(2024, 1, 1), 1_000_000m, "dpc-extreme"),
            new RateEntry(RateKind.UsdPerDiamond, "FR", new NodaTime.LocalDate(2024, 1, 1), 1_000_000m, "upd-extreme"),
            new RateEntry(RateKind.UsdPerCoinReference, string.Empty, new NodaTime.LocalDate(2024, 1, 1), 1_000_000m, "upc-extreme"),
            Fx("USD/EUR", 2026, 11, 30, 1_000_000m),
        ]);
        var huge = GiftEntry.From(Gift("g-huge", int.MaxValue, int.MaxValue, At(5)), Paris);

        var statement = Calculate(gifts: [huge], rates: rates);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.NotEmpty(statement.BlockedReasons);
    }

    [Fact]
    public void Calculate_BroughtForwardNearLongMax_IsBlockedNotThrown()
    {
        var statement = Calculate(gifts: [MaxGift()], broughtForward: new Money(long.MaxValue - 1, Currency.EUR));

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.NotEmpty(statement.BlockedReasons);
    }

    private static GiftEntry MaxGift() =>
        GiftEntry.From(Gift("g-max", GiftRecordReader.MaxCoinsPerGift, GiftRecordReader.MaxQuantity, At(5)), Paris);

    private static CreatorContract ContractIn(string code, decimal commission = 0.2m) =>
        Contract(Currency.FromCode(code), minimum: 0m, commission: new CommissionRates(new Share(commission), new Share(commission), new Share(commission)));

    private static RateBook RatesFor(string code, decimal usdRate) => RatesWith(Fx($"USD/{code}", 2026, 11, 30, usdRate));
}
