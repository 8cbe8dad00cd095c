using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>FX: one USD→payout rate per statement, the latest on or before the period's last day (2026-11-30).</summary>
public sealed class GiftCurrencyTests
{
    [Fact]
    public void Calculate_JpyPayout_RoundsToWholeYenAwayFromZero()
    {
        // 300 coins → 150 diamonds → 0.75 USD × 150 = 112.5 JPY → 113 (banker's rounding would give 112).
        var jpy = Currency.JPY;
        var statement = Calculate([Entry(1, 300, At(10))], contract: Contract(jpy, minimum: 0m), rates: RatesWith(Fx("USD/JPY", 2026, 11, 1, 150m)));
        Assert.Equal(new Money(113, jpy), statement.Lines[0].Amount);
    }

    [Fact]
    public void Calculate_KwdPayout_RoundsToThreeDecimals()
    {
        // 1000 coins → 2.5 USD × 0.30745 = 0.768625 KWD → 0.769.
        var kwd = Currency.KWD;
        var statement = Calculate([Entry(1000, 1, At(10))], contract: Contract(kwd, minimum: 0m), rates: RatesWith(Fx("USD/KWD", 2026, 11, 1, 0.30745m)));
        Assert.Equal("0.769", statement.Lines[0].Amount.ToAmountString());
    }

    [Fact]
    public void Calculate_UsdPayout_UsesNoExchangeRate()
    {
        var statement = Calculate([Entry(1000, 1, At(10))], contract: Contract(Currency.USD, minimum: 0m));
        Assert.Equal(new Money(250, Currency.USD), statement.Lines[0].Amount);
        Assert.Contains(statement.Lines[0].Rates, r => r is { Name: "fx USD→USD", VersionId: RateBook.IdentityFxVersion, Value: 1m });
    }

    [Fact]
    public void Calculate_RatePublishedAfterThePeriod_IsNotUsed()
    {
        var statement = Calculate([Entry(1000, 1, At(10))], rates: RatesWith(Fx("USD/EUR", 2026, 12, 1, 0.50m)));
        Assert.Equal(Eur(2.30m), statement.Lines[0].Amount);
    }

    [Fact]
    public void Calculate_OnlyAnOlderRate_UsesTheLatestBeforeTheLastDay()
    {
        var rates = new RateBook(Builders.Rates().Entries.Where(e => e.VersionId != "fx-USD-EUR-2026-11-30"));
        var statement = Calculate([Entry(1000, 1, At(10))], rates: rates);

        Assert.Equal(Eur(2.25m), statement.Lines[0].Amount); // 2.5 USD × 0.90
        Assert.Contains(statement.RatesUsed, r => r.VersionId == "fx-USD-EUR-2026-10-31");
    }

    [Fact]
    public void Calculate_NoUsdRateAtAll_IsBlockedNamingThePair()
    {
        var rates = new RateBook(Builders.Rates().Entries.Where(e => e.Kind != RateKind.Fx));
        var statement = Calculate([Entry(1000, 1, At(10))], rates: rates);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        var reason = Assert.Single(statement.BlockedReasons);
        Assert.Contains("USD/EUR", reason, StringComparison.Ordinal);
        Assert.Contains("2026-11-30", reason, StringComparison.Ordinal);
        Assert.Null(statement.Totals);
        Assert.Empty(statement.Lines);
    }
}
