using Payouts.Domain.Agencies;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Agencies.AgencyBuilders;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Agencies;

/// <summary>Agency nova's November: the commission of each creator statement by revenue type, totals per currency, the unpaid listed.</summary>
public sealed class AgencyStatementCalculatorTests
{
    private static AgencyCommission Eur(decimal gifts, decimal deals, decimal bonuses, decimal adjustments) =>
        new(Builders.Eur(gifts), Builders.Eur(deals), Builders.Eur(bonuses), Builders.Eur(adjustments));

    private static AgencyStatement Calculate(params CreatorStatementInput[] inputs) => AgencyStatementCalculator.Calculate(AgencyRequest(inputs));

    [Fact]
    public void Calculate_WorkedExample_IsMinusItsCommissionLinesByType()
    {
        var statement = Calculate(InputOf(Lea()));

        Assert.Equal(AgencyStatementStatus.Issued, statement.Status);
        var lea = Assert.Single(statement.Creators);
        Assert.Equal(("lea", AgencyCreatorStatus.Issued, new StatementId("lea", November, 1)), (lea.CreatorId, lea.Status, lea.Statement!.Value));
        Assert.Equal(Eur(14.40m, 75.00m, 0.92m, 0m), lea.Commission);
        Assert.Equal(Builders.Eur(90.32m), lea.Commission!.Total);
        Assert.Equal(Lea().ContentHash, lea.ContentHash);
        Assert.Empty(statement.Unpaid);
    }

    [Fact]
    public void Calculate_PriorPeriodRecordsAndDealRates_SplitPerCommissionLine_AndAddUpToTheLines()
    {
        // Gifts 20 %: 69.00 of November + 4.60 of October (3 galaxies less a refund) → 14.72, of which 0.92 on October.
        // Deals 15 %: 333.33 + 99.99 (October) → 65.00, of which round(14.9985) = 15.00; deals 12 %: 250.05 + 10.05
        // (October) → 31.21, of which round(1.206) = 1.21. Bonuses 10 %: 4.60 (October diamonds) → 0.46, all October.
        var max = Max();
        var statement = Calculate(InputOf(max));

        var line = Assert.Single(statement.Creators);
        Assert.Equal(Eur(13.80m, 80.00m, 0.00m, 0.92m + 15.00m + 1.21m + 0.46m), line.Commission);
        Assert.Equal(-max.Totals!.AgencyCommission, line.Commission!.Total);
        Assert.Equal(Builders.Eur(111.39m), line.Commission.Total);
    }

    [Fact]
    public void Calculate_CarriedForwardCreator_IsListedAsUnpaid_AndItsCommissionCounts()
    {
        var ines = Ines();
        Assert.Equal(StatementStatus.CarriedForward, ines.Status);

        var statement = Calculate(InputOf(ines), InputOf(Lea()));

        var unpaid = Assert.Single(statement.Unpaid);
        Assert.Equal(("ines", AgencyCreatorStatus.CarriedForward), (unpaid.CreatorId, unpaid.Status));
        Assert.Equal(Eur(0m, 3.00m, 0m, 0m), unpaid.Commission);
        var total = Assert.Single(statement.Totals);
        Assert.Equal((Currency.EUR, 2), (total.Currency, total.Creators));
        Assert.Equal(Builders.Eur(93.32m), total.Commission.Total);
    }

    [Fact]
    public void Calculate_BlockedCreator_IsListedWithItsCodesAndNoAmount_AndIsASource()
    {
        var statement = AgencyStatementCalculator.Calculate(AgencyRequest([InputOf(Lea())], [new BlockedCreator("noor", ["missing-rate", "missing-fx", "missing-rate"])]));

        var noor = Assert.Single(statement.Unpaid);
        Assert.Equal(("noor", AgencyCreatorStatus.Blocked), (noor.CreatorId, noor.Status));
        Assert.Null(noor.Commission);
        Assert.Null(noor.Statement);
        Assert.Null(noor.Currency);
        Assert.Equal(["missing-fx", "missing-rate"], noor.BlockCodes);
        Assert.Contains(statement.Sources, s => s.ToString() == "noor@blocked");
        Assert.Equal(1, Assert.Single(statement.Totals).Creators);
    }

    [Fact]
    public void Calculate_CreatorBothIssuedAndBlocked_CountsTheStatementOnly()
    {
        var statement = AgencyStatementCalculator.Calculate(AgencyRequest([InputOf(Lea())], [new BlockedCreator("lea", ["no-contract"])]));

        Assert.Equal(AgencyCreatorStatus.Issued, Assert.Single(statement.Creators).Status);
        Assert.Equal([InputOf(Lea()).Source], statement.Sources);
    }

    [Fact]
    public void Calculate_SeveralCurrencies_TotalEachApart_OrderedByCode()
    {
        var statement = Calculate(InputOf(Yuki()), InputOf(Lea()), InputOf(Max()));

        Assert.Equal(["lea", "max", "yuki"], statement.Creators.Select(c => c.CreatorId));
        Assert.Equal(["EUR", "JPY"], statement.Totals.Select(t => t.Currency.Code));
        Assert.Equal((2, Builders.Eur(90.32m + 111.39m)), (statement.Totals[0].Creators, statement.Totals[0].Commission.Total));

        // 30,000 coins → 15,000 diamonds → 75 USD × 151.37 = 11,352.75 → 11,353 JPY; 20 % → 2,270.6 → 2,271.
        Assert.Equal(new Money(2271, Currency.JPY), statement.Totals[1].Commission.Gifts);
        Assert.Equal(1, statement.Totals[1].Creators);
    }

    [Fact]
    public void Calculate_InputOrder_ChangesNothing()
    {
        var one = Calculate(InputOf(Lea()), InputOf(Max()), InputOf(Ines()));
        var other = Calculate(InputOf(Ines()), InputOf(Lea()), InputOf(Max()));

        Assert.Equal(one.ContentHash, other.ContentHash);
        Assert.True(AgencyStatementHash.Verify(one));
    }

    [Fact]
    public void Calculate_HeaderTotalDisagreesWithTheLines_IsBlockedWithTheReason()
    {
        var input = InputOf(Lea()) with { AgencyCommission = Builders.Eur(-90.31m) };

        var statement = Calculate(input);

        Assert.Equal(AgencyStatementStatus.Blocked, statement.Status);
        var reason = Assert.Single(statement.BlockedReasons);
        Assert.Equal(AgencyBlockCodes.CreatorStatementInconsistent, reason.Code);
        Assert.Contains("lea~2026-11~v1", reason.Message, StringComparison.Ordinal);
        Assert.Contains("its header says -90.31 EUR", reason.Message, StringComparison.Ordinal);
        Assert.Empty(statement.Creators);
        Assert.Empty(statement.Totals);
        Assert.Equal([input.Source], statement.Sources);
    }

    [Fact]
    public void Calculate_LinesNotWhatTheContractRatesCharge_IsBlocked()
    {
        var input = InputOf(Lea(), new CommissionRates(new Share(0.20m), new Share(0.10m), new Share(0.10m)));

        var reason = Assert.Single(Calculate(input).BlockedReasons);

        Assert.Equal(AgencyBlockCodes.CreatorStatementInconsistent, reason.Code);
        Assert.Contains("deals commission lines charge 75.00 EUR, its contract's rates give 50.00 EUR", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_LinesInAnotherCurrency_IsBlocked()
    {
        var input = InputOf(Lea()) with { Currency = Currency.USD };

        var statement = Calculate(input);

        Assert.Equal(AgencyStatementStatus.Blocked, statement.Status);
        Assert.Contains("not all in its currency USD", Assert.Single(statement.BlockedReasons).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_SourcesOfAnotherPeriod_ABlockedStatement_OrTwoVersions_AreWrongSources()
    {
        var october = InputOf(StatementOf("oct", Builders.Request([], [DealOf(Deal("d", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), NodaTime.Instant.FromUtc(2026, 10, 10, 10, 0)))]) with { Id = new StatementId("oct", October, 1) }));
        var blocked = InputOf(Lea()) with { Id = new StatementId("bee", November, 1), Status = StatementStatus.Blocked };
        var twice = InputOf(Lea()) with { Id = new StatementId("lea", November, 2) };

        var statement = Calculate(InputOf(Lea()), october, blocked, twice);

        Assert.Equal(AgencyStatementStatus.Blocked, statement.Status);
        Assert.All(statement.BlockedReasons, r => Assert.Equal(AgencyBlockCodes.WrongSource, r.Code));
        Assert.Equal(
            ["creator lea has more than one statement version among the sources", "creator statement bee~2026-11~v1 is Blocked, not issued", "creator statement oct~2026-10~v1 is not of 2026-11"],
            statement.BlockedReasons.Select(r => r.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Calculate_AmountsBeyondLong_IsBlockedNotThrown()
    {
        var huge = new StatementLine { Kind = LineKind.Deal, Revenue = RevenueType.Deals, Description = "huge", Amount = new Money(long.MaxValue / 2 + 1, Currency.EUR) };
        var input = InputOf(Lea()) with { Lines = [huge, huge] };

        var statement = Calculate(input);

        Assert.Equal(AgencyStatementStatus.Blocked, statement.Status);
        Assert.Equal(AgencyBlockCodes.TooLarge, Assert.Single(statement.BlockedReasons).Code);
    }

    [Fact]
    public void Calculate_NewVersion_NamesTheCreatorsThatChangedAndHowTheTotalsMoved()
    {
        var v1 = Calculate(InputOf(Lea()), InputOf(Ines()));
        var leaV2 = StatementOf("lea", WorkedExample() with { Rates = Builders.Rates(usdToEur: 0.90m) }, version: 2);
        var request = AgencyRequest([InputOf(leaV2), InputOf(Ines())], [Noor()]) with
        {
            Id = NovaNovember.NextVersion(),
            Previous = new AgencyPreviousVersion(1, v1.Sources, v1.Totals),
        };

        var v2 = AgencyStatementCalculator.Calculate(request);

        Assert.Equal(2, v2.Version);
        Assert.Equal(1, v2.Supersedes);
        Assert.Equal(["lea", "noor"], v2.Changes.Select(c => c.CreatorId));
        Assert.Equal("lea~2026-11~v1", v2.Changes[0].Before!.Statement.ToString());
        Assert.Equal("lea~2026-11~v2", v2.Changes[0].After!.Statement.ToString());
        Assert.Null(v2.Changes[1].Before);
        Assert.True(v2.Changes[1].After!.IsBlocked);

        // Gifts 78.2475 USD × 0.90 = 70.42 instead of 71.99: 20 % commission 14.08 instead of 14.40 (bonus 9.00 → 0.90).
        var change = Assert.Single(v2.TotalChanges);
        Assert.Equal((Builders.Eur(93.32m), Builders.Eur(92.98m), Builders.Eur(-0.34m)), (change.Before, change.After, change.Difference));
        Assert.NotEqual(v1.ContentHash, v2.ContentHash);
    }

    [Fact]
    public void Calculate_NewVersionInAnotherCurrency_ShowsBothCurrencies()
    {
        var v1 = Calculate(InputOf(Lea()));
        var request = AgencyRequest([InputOf(Yuki())]) with { Id = NovaNovember.NextVersion(), Previous = new AgencyPreviousVersion(1, v1.Sources, v1.Totals) };

        var changes = AgencyStatementCalculator.Calculate(request).TotalChanges;

        Assert.Equal(["EUR", "JPY"], changes.Select(c => c.Currency.Code));
        Assert.Equal((Builders.Eur(90.32m), Money.Zero(Currency.EUR)), (changes[0].Before, changes[0].After));
        Assert.Equal((Money.Zero(Currency.JPY), new Money(2271, Currency.JPY)), (changes[1].Before, changes[1].After));
    }

    [Fact]
    public void Calculate_StoredLinesWithoutDetail_SplitTheSame()
    {
        // The store keeps kind, revenue, description, amount, original period, record and a deal's own rate: enough.
        var max = Max();
        var stored = max.Lines.Select(l => new StatementLine
        {
            Kind = l.Kind, Revenue = l.Revenue, Description = l.Description, Amount = l.Amount, OriginalPeriod = l.OriginalPeriod,
            RecordId = l.RecordId, AgencyCommissionOverride = l.AgencyCommissionOverride,
        }).ToList();

        Assert.Equal(Calculate(InputOf(max)).ContentHash, Calculate(InputOf(max) with { Lines = stored }).ContentHash);
    }

    [Fact]
    public void Commission_Total_IsTheSumOfItsParts_AndAddsPartByPart()
    {
        var a = Eur(1.01m, 2.02m, 3.03m, -0.04m);
        var b = Eur(0.99m, 0.98m, 0.97m, 0.04m);

        Assert.Equal(Builders.Eur(6.02m), a.Total);
        Assert.Equal(Eur(2.00m, 3.00m, 4.00m, 0m), a + b);
        Assert.Equal(Currency.EUR, a.Currency);
        Assert.Equal(Money.Zero(Currency.JPY), AgencyCommission.Zero(Currency.JPY).Total);
    }
}
