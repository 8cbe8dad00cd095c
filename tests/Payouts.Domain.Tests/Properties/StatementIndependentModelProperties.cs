using CsCheck;
using Payouts.Domain.Statements;
using Payouts.Domain.Tests.Properties.Model;

namespace Payouts.Domain.Tests.Properties;

/// <summary>
/// The calculator against <see cref="PayoutModel"/>, an independent reading of DOMAIN.md §4, on generated periods:
/// gifts and refunds across rate versions, prior-period records, deals in two currencies, money and diamond bonuses,
/// deal commission overrides, voids of records counted earlier, withholding, brought-forward balances of either sign and
/// the minimum payout, paid in EUR, JPY, KWD, IDR or VND. Lines are compared too: gift lines with the period their
/// records belong to, deal and bonus lines, void lines, and one commission line per revenue type and rate.
/// </summary>
public sealed class StatementIndependentModelProperties
{
    [Fact]
    public void Calculate_GeneratedPeriods_AgreeWithTheIndependentModel() =>
        ModelScenarioGen.Scenario.Sample(
            scenario =>
            {
                var statement = StatementCalculator.Calculate(ModelRequest.From(scenario));
                var expected = PayoutModel.Compute(scenario);

                Assert.NotEqual(StatementStatus.Blocked, statement.Status);
                var totals = statement.Totals!;
                Assert.Equal(expected.GiftLines, statement.Lines.Where(l => l.Kind == LineKind.Gifts).Select(l => l.Amount.Amount).Order());
                Assert.Equal(expected.DealLines, statement.Lines.Where(l => l.Kind is LineKind.Deal or LineKind.Bonus).Select(l => l.Amount.Amount).Order());
                Assert.Equal(
                    expected.GiftLinesByPeriod,
                    statement.Lines.Where(l => l.Kind == LineKind.Gifts).Select(l => ((l.OriginalPeriod ?? statement.Period).ToString(), l.Amount.Amount)).Order());
                Assert.Equal(expected.CommissionLines, statement.Lines.Where(l => l.Kind == LineKind.AgencyCommission).Select(l => l.Amount.Amount).Order());
                Assert.Equal(expected.VoidLines, statement.Lines.Where(l => l.Kind == LineKind.Void).Select(l => l.Amount.Amount).Order());
                Assert.Equal(expected.Gifts, totals.Gifts.Amount);
                Assert.Equal(expected.Deals, totals.Deals.Amount);
                Assert.Equal(expected.Bonuses, totals.Bonuses.Amount);
                Assert.Equal(expected.AgencyCommission, totals.AgencyCommission.Amount);
                Assert.Equal(expected.Withholding, totals.Withholding.Amount);
                Assert.Equal(expected.Net, totals.Net.Amount);
                Assert.Equal(expected.Balance, totals.Balance.Amount);
                Assert.Equal(expected.Payable, totals.Payable.Amount);
                Assert.Equal(expected.CarriedForward, totals.CarriedForward.Amount);
            },
            iter: 500);

    [Fact]
    public void Model_WorkedExampleOfDomainSection5_GivesThePublishedFigures()
    {
        // The model itself checked against the spec's own numbers, so a wrong model cannot pass for a right calculator.
        // 10 October: the model world's rates are §5's there (0.5, 0.005), and prior-period records take November's FX.
        var at = NodaTime.Instant.FromUtc(2026, 10, 10, 12, 0);
        var scenario = new ModelScenario(
            "EUR", 0.20m, 0.15m, 0.10m, 0m, 50m, 1230,
            [new(1, 300, at, false, null), new(1000, 2, at, false, null), new(29_999, 1, at, false, null), new(1000, 1, at, true, 1)],
            [new(false, 500.00m, "EUR", at, null), new(true, 2000m, "DIAMOND", at, null)]);

        var result = PayoutModel.Compute(scenario);

        Assert.Equal([71.99m], result.GiftLines);
        Assert.Equal(-90.32m, result.AgencyCommission);
        Assert.Equal(490.87m, result.Net);
        Assert.Equal(503.17m, result.Payable);
    }
}
