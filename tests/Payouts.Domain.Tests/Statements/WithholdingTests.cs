using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>Withholding: −round(rate × (gross − agency commission)), one line on the whole.</summary>
public sealed class WithholdingTests
{
    private static DealEntry EuroDeal(decimal amount) => DealOf(Deal("d-1", DealType.ProductPlacement, DealAmount.Of(amount, Currency.EUR), At(15)));

    [Fact]
    public void Calculate_WithholdingRate_IsChargedAfterCommission()
    {
        var statement = Calculate(deals: [EuroDeal(500m)], contract: Contract(withholding: 0.10m));
        var line = statement.Lines[^1];

        Assert.Equal(LineKind.Withholding, line.Kind);
        Assert.Null(line.Revenue);
        Assert.Equal(Eur(-42.50m), line.Amount); // 10 % of (500 − 75)
        Assert.Equal(Eur(425m), line.Base);
        Assert.Equal(new Share(0.10m), line.Rate);
        Assert.Equal("Withholding 10 %", line.Description);
        Assert.Equal(Eur(382.50m), statement.Totals!.Net);
        Assert.Equal(Eur(-42.50m), statement.Totals.Withholding);
    }

    [Fact]
    public void Calculate_WithholdingAtMidpoint_RoundsAwayFromZero()
    {
        var statement = Calculate(deals: [EuroDeal(0.25m)], contract: Contract(withholding: 0.10m, commission: CommissionRates.None));
        Assert.Equal(Eur(-0.03m), statement.Lines[^1].Amount); // 0.025
    }

    [Fact]
    public void Calculate_NoWithholdingRate_HasNoWithholdingLine() =>
        Assert.DoesNotContain(Calculate(deals: [EuroDeal(500m)]).Lines, l => l.Kind == LineKind.Withholding);

    [Fact]
    public void Calculate_NothingEarned_HasNoWithholdingLine() =>
        Assert.Empty(Calculate(contract: Contract(withholding: 0.10m)).Lines);
}
