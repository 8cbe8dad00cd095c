using Payouts.Domain.Contracts;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Statements;

/// <summary>DOMAIN.md §5, number for number.</summary>
public sealed class WorkedExampleTests
{
    private readonly Statement _statement = StatementCalculator.Calculate(Builders.WorkedExample());

    [Fact]
    public void WorkedExample_IsIssuedInEuros()
    {
        Assert.Equal(StatementStatus.Issued, _statement.Status);
        Assert.Equal("EUR", _statement.Currency!.Code);
        Assert.Equal("lea~2026-11~v1", _statement.Id.ToString());
    }

    [Fact]
    public void WorkedExample_LinesMatchTheDomainTable()
    {
        var lines = _statement.Lines.Select(l => (l.Kind, l.Revenue, l.Amount.ToAmountString())).ToArray();
        Assert.Equal(
            new (LineKind, RevenueType?, string)[]
            {
                (LineKind.Gifts, RevenueType.Gifts, "71.99"),
                (LineKind.Deal, RevenueType.Deals, "500.00"),
                (LineKind.Bonus, RevenueType.Bonuses, "9.20"),
                (LineKind.AgencyCommission, RevenueType.Gifts, "-14.40"),
                (LineKind.AgencyCommission, RevenueType.Deals, "-75.00"),
                (LineKind.AgencyCommission, RevenueType.Bonuses, "-0.92"),
            },
            lines);
    }

    [Fact]
    public void WorkedExample_GiftLineShowsItsArithmetic()
    {
        var gifts = _statement.Lines[0];
        Assert.Equal(31_299, gifts.Coins!.Value.Value);
        Assert.Equal(15_649.5m, gifts.Diamonds!.Value.Value);
        Assert.Equal(78.2475m, gifts.Usd);
        Assert.Equal(new LineSources(4, 304, 1), gifts.Sources);
        Assert.Equal(
            ["diamondsPerCoin:dpc-FR-2024:0.5", "usdPerDiamond:upd-FR-2024:0.005", "usdPerCoinReference:upc-2024:0.0105", "fx USD→EUR:fx-USD-EUR-2026-11-30:0.92"],
            gifts.Rates.Select(r => $"{r.Name}:{r.VersionId}:{r.Value}"));
    }

    [Fact]
    public void WorkedExample_TotalsMatchTheDomainTable()
    {
        var totals = _statement.Totals!;
        Assert.Equal("490.87", totals.Net.ToAmountString());
        Assert.Equal("12.30", totals.BroughtForward.ToAmountString());
        Assert.Equal("503.17", totals.Payable.ToAmountString());
        Assert.Equal("0.00", totals.CarriedForward.ToAmountString());
        Assert.Equal("-90.32", totals.AgencyCommission.ToAmountString());
    }

    [Fact]
    public void WorkedExample_InformationalGiftFigures()
    {
        Assert.Equal(328.6395m, _statement.Gifts!.GrossGiftUsd);
        Assert.Equal(250.392m, _statement.Gifts.PlatformShareUsd);
    }

    [Fact]
    public void WorkedExample_HashIsStableAndVerifiable()
    {
        var again = StatementCalculator.Calculate(Builders.WorkedExample());
        Assert.Equal(64, _statement.ContentHash.Length);
        Assert.Equal(_statement.ContentHash, again.ContentHash);
        Assert.True(StatementHash.Verify(_statement));
    }
}
