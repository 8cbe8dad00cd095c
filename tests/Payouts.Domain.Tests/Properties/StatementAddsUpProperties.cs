using CsCheck;
using Payouts.Domain.Contracts;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Properties;

public sealed class StatementAddsUpProperties
{
    [Fact]
    public void Calculate_AnyRecords_LinesAddUpToNetAndBalanceSplitsIntoPayableAndCarried() =>
        StatementGen.Request.Sample(
            request =>
            {
                var statement = StatementCalculator.Calculate(request);
                Assert.NotEqual(StatementStatus.Blocked, statement.Status);
                var totals = statement.Totals!;
                var eur = totals.Net.Currency;

                Assert.All(statement.Lines, l => Assert.Equal(eur, l.Amount.Currency));
                Assert.Equal(totals.Net.MinorUnits, statement.Lines.Sum(l => l.Amount.MinorUnits));
                Assert.Equal(totals.BroughtForward + totals.Net, totals.Payable + totals.CarriedForward);
                Assert.Equal(totals.Balance, totals.BroughtForward + totals.Net);
                Assert.Equal(totals.Net, totals.Gross + totals.AgencyCommission + totals.Withholding);
                Assert.True(totals.Payable.IsZero || (totals.Payable == totals.Balance && totals.Payable >= totals.MinimumPayout));
                Assert.True(totals.CarriedForward.IsZero || totals.Payable.IsZero);
            },
            iter: 300);

    [Fact]
    public void Calculate_AnyRecords_SubtotalsAreSumsOfTheirLines() =>
        StatementGen.Request.Sample(
            request =>
            {
                var statement = StatementCalculator.Calculate(request);
                var totals = statement.Totals!;
                long Sum(Func<StatementLine, bool> which) => statement.Lines.Where(which).Sum(l => l.Amount.MinorUnits);

                foreach (var type in Enum.GetValues<RevenueType>())
                {
                    Assert.Equal(totals.RevenueOf(type).MinorUnits, Sum(l => l.IsRevenue && l.Revenue == type));
                }

                Assert.Equal(totals.AgencyCommission.MinorUnits, Sum(l => l.Kind == LineKind.AgencyCommission));
                Assert.Equal(totals.Withholding.MinorUnits, Sum(l => l.Kind == LineKind.Withholding));
            },
            iter: 200);

    [Fact]
    public void Calculate_AnyRecords_CommissionLinesAreTheRoundedRateOfTheirBase() =>
        StatementGen.Request.Sample(
            request =>
            {
                var statement = StatementCalculator.Calculate(request);
                foreach (var line in statement.Lines.Where(l => l.Kind is LineKind.AgencyCommission or LineKind.Withholding))
                {
                    var exact = -(line.Rate!.Value.Value * line.Base!.Value.Amount);
                    Assert.Equal(decimal.Round(exact, 2, MidpointRounding.AwayFromZero), line.Amount.Amount);
                }
            },
            iter: 200);
}
