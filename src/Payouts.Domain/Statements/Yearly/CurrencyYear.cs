using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>A year in one payout currency: its totals and all twelve months.</summary>
public sealed record CurrencyYear(Currency Currency, YearTotals Totals, IReadOnlyList<MonthFigures> Months);
