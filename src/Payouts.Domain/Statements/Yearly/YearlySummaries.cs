using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>
/// Adds up a creator's statements of one year, a pure aggregation: a statement is the year's when its period ends in
/// it; of each period only the latest version counts (the others are listed as superseded by the next); sums and
/// months are kept per payout currency, so a creator paid in two currencies in a year gets two columns, never a sum.
/// </summary>
public static class YearlySummaries
{
    public static YearlySummary Of(string creatorId, int year, IEnumerable<StatementFigures> statements, IEnumerable<PeriodKey> blocked)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(blocked);
        var ofYear = statements.Where(s => s.Id.CreatorId == creatorId && s.Id.Period.LastDay.Year == year).ToList();
        var listed = ofYear
            .GroupBy(s => s.Id.Period)
            .SelectMany(period =>
            {
                var versions = period.OrderBy(s => s.Id.Version).ToList();
                return versions.Select((s, i) => new YearStatement(s, i + 1 < versions.Count ? versions[i + 1].Id.Version : null));
            })
            .OrderBy(s => s.Figures.Id.Period.Start)
            .ThenBy(s => s.Figures.Id.Version)
            .ToList();
        var currencies = listed
            .Where(s => s.IsCounted)
            .GroupBy(s => s.Figures.Currency)
            .Select(c => Year(c.Key, [.. c]))
            .ToList();
        var stillBlocked = blocked.Where(p => p.LastDay.Year == year && !listed.Any(s => s.Figures.Id.Period == p)).Distinct().OrderBy(p => p.Start).ToList();
        return new YearlySummary(creatorId, year, listed, stillBlocked, currencies);
    }

    private static CurrencyYear Year(Currency currency, List<YearStatement> counted)
    {
        Money Sum(Func<StatementFigures, Money> figure, IEnumerable<YearStatement>? of = null) =>
            (of ?? counted).Aggregate(Money.Zero(currency), (sum, s) => sum + figure(s.Figures));

        var totals = new YearTotals(
            Sum(f => f.Gifts),
            Sum(f => f.Deals),
            Sum(f => f.Bonuses),
            Sum(f => f.Adjustments),
            Sum(f => f.AgencyCommission),
            Sum(f => f.Withholding),
            Sum(f => f.Net),
            Sum(f => f.Payable),
            counted[0].Figures.BroughtForward,
            counted[^1].Figures.CarriedForward);
        var months = Enumerable.Range(1, 12).Select(month =>
        {
            var of = counted.Where(s => s.Month == month).ToList();
            return new MonthFigures(month, of.Count, Sum(f => f.Net, of), Sum(f => f.Payable, of));
        }).ToList();
        return new CurrencyYear(currency, totals, months);
    }
}
