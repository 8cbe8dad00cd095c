using Payouts.Domain.Monetary;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Statements.Earnings;

public sealed class CumulativeRoundingTests
{
    /// <summary>A coin worth 0.4 cent: 1 coin rounds to 0.00, 2 coins to 0.01.</summary>
    private static Money Value(long coins) => Money.Round(coins * 0.004m, Currency.EUR);

    private static List<long> Parts(params long[] coins) =>
        [.. CumulativeRounding.Split(coins.Select((c, i) => (i, c)), Value).Select(p => p.Part.MinorUnits)];

    [Fact]
    public void Split_PartsAddUpToTheValueOfTheWhole()
    {
        // Rounded one by one: 0 + 0 + 0 = 0.00; the whole, 3 coins = 0.012, is 0.01.
        var parts = Parts(1, 1, 1);

        Assert.Equal([0L, 1L, 0L], parts);
        Assert.Equal(Value(3).MinorUnits, parts.Sum());
    }

    [Fact]
    public void Split_NegativeAndCancellingParts_StillAddUp()
    {
        var parts = Parts(1000, -1000, 250, -3);

        Assert.Equal([400L, -400L, 100L, -1L], parts);
        Assert.Equal(Value(247).MinorUnits, parts.Sum());
    }

    [Fact]
    public void Split_KeepsTheKeysInTheGivenOrder()
    {
        var keys = CumulativeRounding.Split([("b", 10L), ("a", 20L)], Value).Select(p => p.Key);

        Assert.Equal(["b", "a"], keys);
    }

    [Fact]
    public void Split_Nothing_GivesNoParts() => Assert.Empty(Parts());
}
