using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

public sealed class StatementDiffTests
{
    [Fact]
    public void Between_SameLines_HasNoChange()
    {
        var lines = WorkedExampleLines();

        Assert.Empty(StatementDiff.Between(lines, lines));
    }

    [Fact]
    public void Between_ReissueWithACorrectedRate_ListsTheGiftLineAndTheCommissionThatFollowed()
    {
        var before = WorkedExampleLines();
        var after = StatementCalculator.Calculate(WorkedExample() with { Rates = Builders.Rates(usdToEur: 0.90m) }).Lines;

        var changes = StatementDiff.Between(before, after);

        Assert.All(changes, c => Assert.NotEqual(c.Before, c.After));
        var gifts = Assert.Single(changes, c => c.Kind == LineKind.Gifts);
        Assert.Equal(Eur(71.99m), gifts.Before);
        Assert.Equal(Eur(70.42m), gifts.After);
        Assert.Equal(Eur(-1.57m), gifts.Difference);
        Assert.Contains(changes, c => c.Kind == LineKind.AgencyCommission);
    }

    [Fact]
    public void Between_LineOnlyOnOneSide_IsAddedOrRemovedWithTheWholeAmountAsDifference()
    {
        var full = WorkedExampleLines();
        var withoutDeal = full.Where(l => l.Kind != LineKind.Deal).ToList();

        var added = Assert.Single(StatementDiff.Between(withoutDeal, full));
        var removed = Assert.Single(StatementDiff.Between(full, withoutDeal));

        Assert.Null(added.Before);
        Assert.Equal(Eur(500m), added.After);
        Assert.Equal(Eur(500m), added.Difference);
        Assert.Null(removed.After);
        Assert.Equal(Eur(-500m), removed.Difference);
    }

    [Fact]
    public void Calculate_WithAPreviousVersion_NamesItDiffsItAndHashesDifferently()
    {
        var v1 = StatementCalculator.Calculate(WorkedExample());
        var request = WorkedExample() with
        {
            Id = v1.Id.NextVersion(),
            Rates = Builders.Rates(usdToEur: 0.90m),
            CorrectionReason = "USD→EUR was published as 0.92 by mistake",
            Previous = new PreviousVersion(1, v1.Lines, v1.Totals!.Payable),
        };

        var v2 = StatementCalculator.Calculate(request);

        Assert.Equal(1, v2.Supersedes);
        Assert.Equal(v2.Totals!.Payable - v1.Totals.Payable, v2.PayableDifference);
        Assert.Equal(StatementDiff.Between(v1.Lines, v2.Lines), v2.Changes);
        Assert.NotEqual(v1.ContentHash, v2.ContentHash);
        Assert.True(StatementHash.Verify(v2));
        using var json = System.Text.Json.JsonDocument.Parse(Payouts.Domain.Statements.Rendering.StatementJson.ToUtf8(v2));
        Assert.Equal(1, json.RootElement.GetProperty("supersedes").GetInt32());
        Assert.Equal(v2.PayableDifference!.Value.ToAmountString(), json.RootElement.GetProperty("payableDifference").GetString());
        Assert.Equal(v2.Changes.Count, json.RootElement.GetProperty("changes").GetArrayLength());
    }

    private static IReadOnlyList<StatementLine> WorkedExampleLines() => StatementCalculator.Calculate(WorkedExample()).Lines;

    [Fact]
    public void Between_NullSide_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => StatementDiff.Between(null!, []));
        Assert.Throws<ArgumentNullException>(() => StatementDiff.Between([], null!));
    }

    [Theory]
    [InlineData("revenue")]
    [InlineData("record")]
    [InlineData("period")]
    [InlineData("description")]
    public void Between_LinesThatDifferInWhatTheyAre_AreOneGoneAndOneNew(string differing)
    {
        var line = new StatementLine { Kind = LineKind.Deal, Revenue = Payouts.Domain.Contracts.RevenueType.Deals, Description = "Deal: x", Amount = Eur(10m), RecordId = "d1", OriginalPeriod = October };
        var other = differing switch
        {
            "revenue" => line with { Revenue = Payouts.Domain.Contracts.RevenueType.Bonuses },
            "record" => line with { RecordId = "d2" },
            "period" => line with { OriginalPeriod = null },
            _ => line with { Description = "Deal: y" },
        };

        var changes = StatementDiff.Between([line], [other]);

        Assert.Equal(2, changes.Count);
        Assert.Equal(Eur(10m), changes[0].After);
        Assert.Null(changes[0].Before);
        Assert.Equal(Eur(10m), changes[1].Before);
        Assert.Null(changes[1].After);
    }

    [Fact]
    public void Between_ChangesComeInTheNewStatementsLineOrder_GoneLinesLast()
    {
        var a = new StatementLine { Kind = LineKind.Deal, Description = "a", Amount = Eur(1m) };
        var b = new StatementLine { Kind = LineKind.Deal, Description = "b", Amount = Eur(2m) };
        var c = new StatementLine { Kind = LineKind.Deal, Description = "c", Amount = Eur(3m) };

        var changes = StatementDiff.Between([c, a with { Amount = Eur(5m) }], [a, b]);

        Assert.Equal(["a", "b", "c"], changes.Select(x => x.Description));
        Assert.Equal([Eur(-4m), Eur(2m), Eur(-3m)], changes.Select(x => x.Difference));
    }
}
