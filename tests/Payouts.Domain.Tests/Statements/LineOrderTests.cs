using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

public sealed class LineOrderTests
{
    [Fact]
    public void Calculate_MixedRecords_ListsRevenueThenAdjustmentsThenCharges()
    {
        var octoberDay = Instant.FromUtc(2026, 10, 20, 12, 0);
        var statement = Calculate(
            gifts: [Entry(1000, 1, octoberDay), Entry(1000, 1, At(10))],
            deals:
            [
                DealOf(Deal("b-1", DealType.EventBonus, DealAmount.Of(10m, Currency.EUR), At(3))),
                DealOf(Deal("d-old", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), octoberDay)),
                DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(25))),
            ],
            contract: Contract(withholding: 0.1m));

        Assert.Equal(
            [
                (LineKind.Gifts, RevenueType.Gifts, false), (LineKind.Deal, RevenueType.Deals, false), (LineKind.Bonus, RevenueType.Bonuses, false),
                (LineKind.Gifts, RevenueType.Gifts, true), (LineKind.Deal, RevenueType.Deals, true),
                (LineKind.AgencyCommission, RevenueType.Gifts, false), (LineKind.AgencyCommission, RevenueType.Deals, false),
                (LineKind.AgencyCommission, RevenueType.Bonuses, false),
            ],
            statement.Lines.Where(l => l.Revenue is not null).Select(l => (l.Kind, l.Revenue!.Value, l.IsAdjustment)));
        Assert.Equal(LineKind.Withholding, statement.Lines[^1].Kind);
    }

    [Fact]
    public void Calculate_SameDayDeals_AreOrderedByRecordId()
    {
        var statement = Calculate(deals:
        [
            DealOf(Deal("d-b", DealType.ProductPlacement, DealAmount.Of(2m, Currency.EUR), At(5))),
            DealOf(Deal("d-a", DealType.ProductPlacement, DealAmount.Of(1m, Currency.EUR), At(5))),
        ]);

        Assert.Equal(["d-a", "d-b"], statement.Lines.Where(l => l.Kind == LineKind.Deal).Select(l => l.RecordId));
    }
}
