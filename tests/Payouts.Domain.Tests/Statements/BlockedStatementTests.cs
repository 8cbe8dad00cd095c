using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

public sealed class BlockedStatementTests
{
    private static readonly Currency Gbp = Currency.FromCode("GBP");

    [Fact]
    public void Calculate_SeveralMissingRates_ListsEveryReason()
    {
        var statement = Calculate(
            deals:
            [
                DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(100m, Gbp), At(5))),
                DealOf(Deal("d-2", DealType.ProductPlacement, DealAmount.Of(100m, Currency.FromCode("CHF")), At(5))),
            ]);

        Assert.Equal(2, statement.BlockedReasons.Count);
        Assert.Contains(statement.BlockedReasons, r => r.Contains("GBP/EUR", StringComparison.Ordinal));
        Assert.Contains(statement.BlockedReasons, r => r.Contains("CHF/EUR", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_SameMissingRateTwice_IsListedOnce()
    {
        var statement = Calculate(deals:
        [
            DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(100m, Gbp), At(5))),
            DealOf(Deal("d-2", DealType.SponsoredLive, DealAmount.Of(200m, Gbp), At(6))),
        ]);

        Assert.Single(statement.BlockedReasons);
    }

    [Fact]
    public void Calculate_Blocked_HasNoLinesNoTotalsButKeepsTheContract()
    {
        var statement = Calculate(deals: [DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(100m, Gbp), At(5)))]);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.Empty(statement.Lines);
        Assert.Null(statement.Totals);
        Assert.Null(statement.Gifts);
        Assert.Empty(statement.RatesUsed);
        Assert.Equal("EUR", statement.Currency!.Code);
        Assert.Equal("lea-2026-01", statement.ContractVersion);
    }

    [Fact]
    public void Calculate_BlockedDraft_IsStillBlocked()
    {
        var request = Request([], [DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(100m, Gbp), At(5)))]) with { Draft = true };
        Assert.Equal(StatementStatus.Blocked, StatementCalculator.Calculate(request).Status);
    }
}
