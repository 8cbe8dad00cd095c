using CsCheck;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Yearly;

namespace Payouts.Domain.Tests.Properties;

/// <summary>
/// The yearly aggregation against an independent reading on generated statement sets (months of 2025–2027, up to
/// three versions a period, EUR or JPY): per currency, its totals and months are the sums of the latest version of
/// each of the year's periods, and every other version is listed, superseded.
/// </summary>
public sealed class YearlySummaryProperties
{
    private static readonly Gen<StatementFigures> Figures =
        Gen.Select(Gen.Int[2025, 2027], Gen.Int[1, 12], Gen.Int[1, 3], Gen.Bool, Gen.Long[-100_000, 1_000_000].Array[7], (year, month, version, yen, amounts) =>
        {
            var currency = yen ? Currency.JPY : Currency.EUR;
            Money M(int i) => new(amounts[i], currency);
            return new StatementFigures(
                new StatementId("lea", PeriodKey.Month(year, month), version), StatementStatus.Issued, currency,
                M(0), M(1), M(2), M(3), M(4), M(5), M(0) + M(1) + M(2) + M(3) + M(4) + M(5), M(6), M(6) + M(0), M(1));
        });

    [Fact]
    public void Summary_GeneratedStatements_AreTheSumsOfEachPeriodsLatestVersion() =>
        Figures.Array[0, 30].Sample(
            generated =>
            {
                var statements = generated.DistinctBy(s => s.Id).ToList();
                var summary = YearlySummaries.Of("lea", 2026, statements, []);
                var ofYear = statements.Where(s => s.Id.Period.Year == 2026).ToList();
                var latest = ofYear.GroupBy(s => s.Id.Period).Select(g => g.MaxBy(s => s.Id.Version)!).ToList();

                Assert.Equal(ofYear.Count, summary.Statements.Count);
                Assert.Equal(latest.Select(s => s.Id.ToString()).Order(StringComparer.Ordinal), summary.Counted.Select(s => s.Figures.Id.ToString()).Order(StringComparer.Ordinal));
                Assert.Equal(latest.Select(s => s.Currency).Distinct().Count(), summary.Currencies.Count);
                foreach (var year in summary.Currencies)
                {
                    var mine = latest.Where(s => s.Currency == year.Currency).ToList();
                    long Sum(Func<StatementFigures, Money> figure) => mine.Sum(s => figure(s).MinorUnits);

                    Assert.Equal(Sum(s => s.Gifts), year.Totals.Gifts.MinorUnits);
                    Assert.Equal(Sum(s => s.Deals), year.Totals.Deals.MinorUnits);
                    Assert.Equal(Sum(s => s.Bonuses), year.Totals.Bonuses.MinorUnits);
                    Assert.Equal(Sum(s => s.Adjustments), year.Totals.Adjustments.MinorUnits);
                    Assert.Equal(Sum(s => s.AgencyCommission), year.Totals.AgencyCommission.MinorUnits);
                    Assert.Equal(Sum(s => s.Withholding), year.Totals.Withholding.MinorUnits);
                    Assert.Equal(Sum(s => s.Net), year.Totals.Net.MinorUnits);
                    Assert.Equal(Sum(s => s.Payable), year.Totals.Payable.MinorUnits);
                    Assert.Equal(mine.MinBy(s => s.Id.Period.Start)!.BroughtForward, year.Totals.BroughtForward);
                    Assert.Equal(mine.MaxBy(s => s.Id.Period.Start)!.CarriedForward, year.Totals.CarriedForward);
                    Assert.Equal(12, year.Months.Count);
                    Assert.Equal(Sum(s => s.Payable), year.Months.Sum(m => m.Payable.MinorUnits));
                    Assert.Equal(Sum(s => s.Net), year.Months.Sum(m => m.Net.MinorUnits));
                    Assert.All(year.Months, m => Assert.Equal(mine.Where(s => s.Id.Period.Number == m.Month).Sum(s => s.Payable.MinorUnits), m.Payable.MinorUnits));
                }

                Assert.All(summary.Statements.Where(s => !s.IsCounted), s => Assert.True(s.SupersededBy > s.Figures.Id.Version));
            },
            iter: 300);
}
