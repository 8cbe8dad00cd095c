using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>balance = broughtForward + net; paid when ≥ minimum (50.00 EUR), otherwise carried forward, negative balances too.</summary>
public sealed class BalanceTests
{
    // 50.00 EUR deal − 15 % commission = 42.50 EUR net.
    private static readonly DealEntry FiftyEuroDeal = DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(50m, Currency.EUR), At(15)));

    [Fact]
    public void Calculate_BalanceExactlyAtMinimum_IsPaid()
    {
        var statement = Calculate(deals: [FiftyEuroDeal], broughtForward: Eur(7.50m));

        Assert.Equal(StatementStatus.Issued, statement.Status);
        Assert.Equal(Eur(50m), statement.Totals!.Payable);
        Assert.Equal(Eur(0m), statement.Totals.CarriedForward);
    }

    [Fact]
    public void Calculate_BalanceOneCentBelowMinimum_IsCarriedForward()
    {
        var statement = Calculate(deals: [FiftyEuroDeal], broughtForward: Eur(7.49m));

        Assert.Equal(StatementStatus.CarriedForward, statement.Status);
        Assert.Equal(Eur(0m), statement.Totals!.Payable);
        Assert.Equal(Eur(49.99m), statement.Totals.CarriedForward);
    }

    [Fact]
    public void Calculate_NegativeNet_CarriesTheNegativeBalance()
    {
        var original = Gift("g-1", 1000, 1, Instant.FromUtc(2026, 10, 20, 12, 0));
        var refund = Gift("r-1", 1000, 1, At(5), GiftKind.Refund, "g-1");
        var totals = Calculate([GiftEntry.ForRefund(refund, original, Paris)]).Totals!;

        Assert.Equal(Eur(-1.84m), totals.Net); // −2.30 + 0.46
        Assert.Equal(Eur(-1.84m), totals.CarriedForward);
        Assert.Equal(Eur(0m), totals.Payable);
    }

    [Fact]
    public void Calculate_NegativeBroughtForward_IsNettedAgainstEarnings()
    {
        var deal = DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(500m, Currency.EUR), At(15)));
        var totals = Calculate(deals: [deal], broughtForward: Eur(-10m)).Totals!;

        Assert.Equal(Eur(415m), totals.Balance); // −10 + 425
        Assert.Equal(Eur(415m), totals.Payable);
    }

    [Fact]
    public void Calculate_NegativeBroughtForwardLargerThanEarnings_StaysNegative()
    {
        var statement = Calculate(deals: [FiftyEuroDeal], broughtForward: Eur(-500m));

        Assert.Equal(Eur(-457.50m), statement.Totals!.CarriedForward);
        Assert.Equal(StatementStatus.CarriedForward, statement.Status);
    }

    [Fact]
    public void Calculate_NoRecords_CarriesTheBroughtForwardBalance()
    {
        var statement = Calculate(broughtForward: Eur(12.30m));

        Assert.Empty(statement.Lines);
        Assert.Equal(Eur(0m), statement.Totals!.Net);
        Assert.Equal(Eur(12.30m), statement.Totals.CarriedForward);
        Assert.Equal(StatementStatus.CarriedForward, statement.Status);
    }

    [Fact]
    public void Calculate_NoBroughtForward_IsZero() => Assert.Equal(Eur(0m), Calculate(deals: [FiftyEuroDeal]).Totals!.BroughtForward);

    [Fact]
    public void Calculate_ZeroMinimumAndZeroBalance_PaysAndCarriesNothing()
    {
        var totals = Calculate(contract: Contract(minimum: 0m)).Totals!;
        Assert.True(totals.Payable.IsZero);
        Assert.True(totals.CarriedForward.IsZero);
    }

    [Fact]
    public void Calculate_ZeroMinimumAnyPositiveBalance_IsPaid() =>
        Assert.Equal(Eur(0.01m), Calculate(broughtForward: Eur(0.01m), contract: Contract(minimum: 0m)).Totals!.Payable);

    [Fact]
    public void Calculate_BroughtForwardInAnotherCurrency_IsBlocked()
    {
        var statement = Calculate(deals: [FiftyEuroDeal], broughtForward: new Money(1000, Currency.USD));

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Contains(statement.BlockedReasons, r => r.Contains("brought-forward balance is in USD", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_Draft_IsDraftEvenWhenPayable()
    {
        var request = Request([], [FiftyEuroDeal], Eur(100m)) with { Draft = true };
        var statement = StatementCalculator.Calculate(request);

        Assert.Equal(StatementStatus.Draft, statement.Status);
        Assert.Equal(Eur(142.50m), statement.Totals!.Payable);
    }

    [Fact]
    public void Totals_SubtotalsPerType_IncludeAdjustments()
    {
        var statement = Calculate(
            gifts: [Entry(1000, 1, At(10)), Entry(1000, 1, Instant.FromUtc(2026, 10, 20, 12, 0))],
            deals: [FiftyEuroDeal, DealOf(Deal("b-1", DealType.EventBonus, DealAmount.OfDiamonds(2000m), At(20)))]);
        var totals = statement.Totals!;

        Assert.Equal(Eur(4.60m), totals.Gifts);
        Assert.Equal(Eur(50m), totals.Deals);
        Assert.Equal(Eur(9.20m), totals.Bonuses);
        Assert.Equal(Eur(63.80m), totals.Gross);
        Assert.Equal(Eur(-0.92m - 7.50m - 0.92m), totals.AgencyCommission);
        Assert.Equal(totals.Deals, totals.RevenueOf(Payouts.Domain.Contracts.RevenueType.Deals));
        Assert.Equal(Eur(50m), totals.MinimumPayout);
    }
}
