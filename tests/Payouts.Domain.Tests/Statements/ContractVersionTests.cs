using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>A statement uses the contract version in force on the last day of its period (2026-11-30).</summary>
public sealed class ContractVersionTests
{
    private static readonly DealEntry Deal100 = DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(100m, Currency.EUR), At(5)));

    private static Statement WithContracts(params Versioned<CreatorContract>[] versions) =>
        StatementCalculator.Calculate(new StatementRequest(new StatementId("lea", November, 1), Paris, versions, Builders.Rates(), [], [Deal100]));

    private static CreatorContract DealsAt(decimal rate) =>
        Contract(commission: new CommissionRates(new Share(0.20m), new Share(rate), new Share(0.10m)));

    [Fact]
    public void Calculate_NoContractInForce_IsBlockedWithoutCurrency()
    {
        var statement = WithContracts(new Versioned<CreatorContract>("v-dec", new LocalDate(2026, 12, 1), Contract()));

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Null(statement.Currency);
        Assert.Null(statement.ContractVersion);
        Assert.Null(statement.Totals);
        Assert.Equal(["no creator contract in force on 2026-11-30 (the last day of 2026-11)"], statement.BlockedReasons);
    }

    [Fact]
    public void Calculate_NoContractsAtAll_IsBlocked() => Assert.Equal(StatementStatus.Blocked, WithContracts().Status);

    [Fact]
    public void Calculate_ContractChangedMidPeriod_UsesTheVersionOfTheLastDay()
    {
        var statement = WithContracts(
            new Versioned<CreatorContract>("v-jan", new LocalDate(2026, 1, 1), DealsAt(0.15m)),
            new Versioned<CreatorContract>("v-mid-nov", new LocalDate(2026, 11, 15), DealsAt(0.30m)));

        Assert.Equal("v-mid-nov", statement.ContractVersion);
        Assert.Equal(Eur(-30m), statement.Lines.Single(l => l.Kind == LineKind.AgencyCommission).Amount);
    }

    [Fact]
    public void Calculate_ContractStartingOnTheLastDay_Applies() =>
        Assert.Equal("v-30", WithContracts(
            new Versioned<CreatorContract>("v-jan", new LocalDate(2026, 1, 1), DealsAt(0.15m)),
            new Versioned<CreatorContract>("v-30", new LocalDate(2026, 11, 30), DealsAt(0.30m))).ContractVersion);

    [Fact]
    public void Calculate_ContractStartingAfterThePeriod_IsIgnored() =>
        Assert.Equal("v-jan", WithContracts(
            new Versioned<CreatorContract>("v-jan", new LocalDate(2026, 1, 1), DealsAt(0.15m)),
            new Versioned<CreatorContract>("v-dec", new LocalDate(2026, 12, 1), DealsAt(0.30m))).ContractVersion);

    [Fact]
    public void Calculate_Header_CarriesContractAgencyZoneAndCurrency()
    {
        var statement = WithContracts(new Versioned<CreatorContract>("v-jan", new LocalDate(2026, 1, 1), Contract()));

        Assert.Equal(("nova", "Europe/Paris", "EUR"), (statement.AgencyId, statement.Zone, statement.Currency!.Code));
        Assert.Equal(("lea", November, 1), (statement.CreatorId, statement.Period, statement.Version));
    }
}
