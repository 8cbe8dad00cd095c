using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>Agency nova: gifts 20 %, deals 15 %, bonuses 10 %; −round(rate × subtotal), a deal's own rate overriding.</summary>
public sealed class AgencyCommissionTests
{
    private static DealEntry EuroDeal(string id, decimal amount, Share? commission = null, DealType type = DealType.ProductPlacement) =>
        DealOf(Deal(id, type, DealAmount.Of(amount, Currency.EUR), At(15), commission: commission));

    private static List<StatementLine> Commission(Statement statement) => statement.Lines.Where(l => l.Kind == LineKind.AgencyCommission).ToList();

    [Fact]
    public void Calculate_Gifts_ChargeTheGiftRate()
    {
        var line = Assert.Single(Commission(Calculate([Entry(1000, 1, At(10))])));

        Assert.Equal(Eur(-0.46m), line.Amount); // 20 % of 2.30
        Assert.Equal(RevenueType.Gifts, line.Revenue);
        Assert.Equal(new Share(0.20m), line.Rate);
        Assert.Equal(Eur(2.30m), line.Base);
        Assert.Equal("Agency commission, gifts 20 %", line.Description);
        Assert.Equal([new AppliedRate("agencyCommission.gifts", "contract", 0.20m)], line.Rates);
    }

    [Fact]
    public void Calculate_CreatorWithoutAnAgency_IsChargedNoCommission_EvenByADealsOwnRate()
    {
        var contract = Contract() with { AgencyId = null };

        var statement = Calculate([Entry(1000, 1, At(10))], [EuroDeal("d-1", 100m, new Share(0.25m))], contract: contract);

        Assert.Empty(Commission(statement));
        Assert.Equal(Eur(0m), statement.Totals!.AgencyCommission);
        Assert.Equal(Eur(102.30m), statement.Totals.Net);
    }

    [Fact]
    public void Calculate_CommissionAtMidpoint_RoundsAwayFromZero() =>
        Assert.Equal(Eur(-0.02m), Commission(Calculate(deals: [EuroDeal("d-1", 0.10m)]))[0].Amount); // 0.015

    [Fact]
    public void Calculate_SeveralDeals_CommissionIsOnTheSubtotalNotPerLine()
    {
        // Per line: 3 × round(0.015) = 0.06; on the subtotal: round(0.045) = 0.05.
        var line = Assert.Single(Commission(Calculate(deals: [EuroDeal("d-1", 0.10m), EuroDeal("d-2", 0.10m), EuroDeal("d-3", 0.10m)])));
        Assert.Equal(Eur(-0.05m), line.Amount);
        Assert.Equal(3, line.Sources.Records);
    }

    [Fact]
    public void Calculate_DealWithOwnRate_GetsItsOwnCommissionLine()
    {
        var lines = Commission(Calculate(deals: [EuroDeal("d-1", 100m), EuroDeal("d-2", 100m, new Share(0.25m))]));

        Assert.Equal([Eur(-15m), Eur(-25m)], lines.Select(l => l.Amount));
        Assert.Equal(["contract", "deal"], lines.Select(l => l.Rates[0].VersionId));
        Assert.EndsWith("(deal rate)", lines[1].Description, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Equal(Eur(100m), l.Base));
    }

    [Fact]
    public void Calculate_DealWithZeroRate_PaysNoCommission()
    {
        var line = Assert.Single(Commission(Calculate(deals: [EuroDeal("d-1", 100m), EuroDeal("d-2", 100m, Share.None)])));
        Assert.Equal((Eur(-15m), Eur(100m)), (line.Amount, line.Base!.Value));
    }

    [Fact]
    public void Calculate_DealRateEqualToContract_SharesOneLine()
    {
        var line = Assert.Single(Commission(Calculate(deals: [EuroDeal("d-1", 100m), EuroDeal("d-2", 100m, new Share(0.15m))])));
        Assert.Equal(Eur(-30m), line.Amount);
    }

    [Fact]
    public void Calculate_BonusOverride_AppliesToBonuses() =>
        Assert.Equal(Eur(-50m), Commission(Calculate(deals: [EuroDeal("b-1", 100m, new Share(0.5m), DealType.EventBonus)]))[0].Amount);

    [Fact]
    public void Calculate_NoAgency_HasNoCommissionLines()
    {
        var statement = Calculate([Entry(1000, 1, At(10))], [EuroDeal("d-1", 100m)], contract: Contract(commission: CommissionRates.None));
        Assert.Empty(Commission(statement));
        Assert.True(statement.Totals!.AgencyCommission.IsZero);
    }

    [Fact]
    public void Calculate_PriorPeriodGifts_CountTowardTheGiftCommission()
    {
        // 2.30 (November) + 2.30 (October adjustment, current FX) = 4.60 → 20 % = 0.92.
        var line = Assert.Single(Commission(Calculate([Entry(1000, 1, At(10)), Entry(1000, 1, Instant.FromUtc(2026, 10, 20, 12, 0))])));
        Assert.Equal((Eur(-0.92m), Eur(4.60m)), (line.Amount, line.Base!.Value));
        Assert.Equal(2, line.Sources.Records);
    }

    [Fact]
    public void Calculate_RefundOfAnEarlierPeriod_GivesTheAgencyShareBack()
    {
        var original = Gift("g-1", 1000, 1, Instant.FromUtc(2026, 10, 20, 12, 0));
        var refund = Gift("r-1", 1000, 1, At(5), GiftKind.Refund, "g-1");
        var statement = Calculate([GiftEntry.ForRefund(refund, original, Paris)]);

        Assert.Equal([Eur(-2.30m), Eur(0.46m)], statement.Lines.Select(l => l.Amount));
        Assert.Equal(Builders.October, statement.Lines[0].OriginalPeriod);
    }

    [Fact]
    public void Calculate_EachRevenueType_IsChargedAtItsOwnRate()
    {
        var statement = Calculate(deals: [EuroDeal("d-1", 100m), EuroDeal("b-1", 100m, type: DealType.EventBonus)]);
        Assert.Equal(
            [(RevenueType.Deals, Eur(-15m)), (RevenueType.Bonuses, Eur(-10m))],
            Commission(statement).Select(l => (l.Revenue!.Value, l.Amount)));
    }
}
