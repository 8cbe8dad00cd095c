using NodaTime;
using Payouts.Domain.Rates;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>A missing rate holds the statement (status Blocked, reason shown); it is never replaced by a default.</summary>
public sealed class GiftRateMissingTests
{
    private static readonly RateBook RatesFromMidNovember = new(
    [
        new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 11, 15), 0.5m, "dpc"),
        new RateEntry(RateKind.UsdPerDiamond, "FR", new LocalDate(2026, 11, 15), 0.005m, "upd"),
        new RateEntry(RateKind.UsdPerCoinReference, string.Empty, new LocalDate(2026, 11, 15), 0.0105m, "upc"),
        Fx("USD/EUR", 2026, 11, 30, 0.92m),
    ]);

    [Fact]
    public void Calculate_GiftBeforeFirstRate_IsBlockedWithReason()
    {
        var statement = Calculate([Entry(1000, 1, At(10))], rates: RatesFromMidNovember);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.Contains("no gift rates before 2026-11-15", StringComparison.Ordinal));
        Assert.Null(statement.Totals);
    }

    [Fact]
    public void Calculate_GiftAfterFirstRate_IsNotBlocked() =>
        Assert.Equal(StatementStatus.CarriedForward, Calculate([Entry(1000, 1, At(20))], rates: RatesFromMidNovember).Status);

    [Fact]
    public void Calculate_RegionWithoutRates_IsBlocked()
    {
        var statement = Calculate([Entry(1000, 1, At(10))], contract: Contract(region: "DE"));

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.Contains("'DE'", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_ReferenceCoinPriceMissing_IsBlocked()
    {
        var rates = new RateBook(Builders.Rates().Entries.Where(e => e.Kind != RateKind.UsdPerCoinReference));
        var statement = Calculate([Entry(1000, 1, At(10))], rates: rates);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.Contains("usdPerCoinReference", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_BlockedStatement_StillHasAVerifiableHash()
    {
        var statement = Calculate([Entry(1000, 1, At(10))], rates: RatesFromMidNovember);
        Assert.Equal(64, statement.ContentHash.Length);
        Assert.True(StatementHash.Verify(statement));
    }
}
