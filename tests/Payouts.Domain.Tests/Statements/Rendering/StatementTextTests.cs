using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Rendering;

public sealed class StatementTextTests
{
    private static readonly Statement Worked = StatementCalculator.Calculate(WorkedExample());

    [Fact]
    public void RatesInWords_WorkedExample_OneSentencePerRateWithVersionsAndDates() =>
        Assert.Equal(
            [
                "1 coin = 0.5 diamonds from 2024-01-01 (version dpc-FR-2024)",
                "1 diamond = 0.005 USD from 2024-01-01 (version upd-FR-2024)",
                "USD→EUR 0.92 from 2026-11-30 (version fx-USD-EUR-2026-11-30)",
                "viewers pay about 0.0105 USD a coin (reference price, for information only) from 2024-01-01 (version upc-2024)",
                "agency commission on bonuses: 10 % (your contract)",
                "agency commission on deals: 15 % (your contract)",
                "agency commission on gifts: 20 % (your contract)",
            ],
            StatementText.RatesInWords(Worked));

    [Fact]
    public void RatesInWords_DealRateAndWithholding_SayWhereTheyComeFrom()
    {
        var deal = Deal("d", DealType.SponsoredLive, DealAmount.Of(100m, Currency.EUR), At(4), commission: new Share(0.12m));
        var words = StatementText.RatesInWords(Calculate(deals: [DealOf(deal)], contract: Contract(withholding: 0.1m)));

        Assert.Contains("agency commission on deals: 12 % (the deal's own rate)", words);
        Assert.Equal("withholding: 10 % of what you earned after the agency's commission (your contract)", words[^1]);
        Assert.DoesNotContain(words, w => w.Contains("EUR→EUR", StringComparison.Ordinal));
    }

    [Fact]
    public void RatesInWords_AnUnknownRateName_IsNameAndValueLast_AndVersionsGoByDate()
    {
        var statement = Worked with
        {
            RatesUsed =
            [
                new AppliedRate("bonusMultiplier", "v7", 1.5m), new AppliedRate("withholding", "contract", 0.1m),
                new AppliedRate("diamondsPerCoin", "b", 0.55m) { From = new NodaTime.LocalDate(2026, 11, 16) },
                new AppliedRate("diamondsPerCoin", "a", 0.5m) { From = new NodaTime.LocalDate(2024, 1, 1) },
            ],
        };

        var words = StatementText.RatesInWords(statement);

        Assert.Equal(["1 coin = 0.5 diamonds from 2024-01-01 (version a)", "1 coin = 0.55 diamonds from 2026-11-16 (version b)"], words.Take(2));
        Assert.Equal("bonusMultiplier 1.5 (version v7)", words[^1]);
    }

    [Theory]
    [InlineData(123456, "EUR", "1,234.56 EUR")]
    [InlineData(-1440, "EUR", "-14.40 EUR")]
    [InlineData(1200, "JPY", "1,200 JPY")]
    [InlineData(1234, "KWD", "1.234 KWD")]
    public void Amount_HasSeparatorsAndTheCurrencysDecimals(long minor, string currency, string expected) =>
        Assert.Equal(expected, StatementText.Amount(new Money(minor, Currency.FromCode(currency))));

    [Fact]
    public void PayableNote_SaysWhenOrWhyNot()
    {
        Assert.Equal("Paid on 2026-12-05.", StatementText.PayableNote(Worked));
        Assert.Equal("Paid on 2026-12-05 if the period closed today.", StatementText.PayableNote(StatementCalculator.Calculate(WorkedExample() with { Draft = true })));
        Assert.Equal("Nothing is paid: the statement is blocked.", StatementText.PayableNote(Worked with { Totals = null }));
        Assert.Equal("To be paid.", StatementText.PayableNote(Worked with { PayoutDate = null }));
        Assert.StartsWith("Nothing is paid this period: the balance of 1.84 EUR", StatementText.PayableNote(Calculate([Entry(1000, 1, At(3))])), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_CarriedForward_IsTwoWords()
    {
        Assert.Equal("Carried forward", StatementText.Status(StatementStatus.CarriedForward));
        Assert.Equal("Issued", StatementText.Status(StatementStatus.Issued));
    }

    [Fact]
    public void Details_SayHowEachLineWasComputed()
    {
        Assert.Equal("31,299 coins → 15649.5 diamonds → 78.2475 USD · 4 records, 1 refunds", StatementText.Details(Worked.Lines[0]));
        Assert.Equal("2000 DIAMOND · b-event · 2026-11-20", StatementText.Details(Worked.Lines[2]));
        Assert.Equal("20 % of 71.99 EUR", StatementText.Details(Worked.Lines[3]));
    }

    [Fact]
    public void LiveName_OfGiftsOutsideALive_SaysSo()
    {
        Assert.Equal("outside a LIVE", StatementText.LiveName(new LiveEarnings(null, new NodaTime.LocalDate(2026, 11, 1), 1, new Coins(1), Eur(0m))));
        Assert.Equal("live-7", StatementText.LiveName(new LiveEarnings("live-7", new NodaTime.LocalDate(2026, 11, 1), 1, new Coins(1), Eur(0m))));
    }
}
