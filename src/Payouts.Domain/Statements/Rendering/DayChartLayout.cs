using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>Where the zero line of the earnings chart is, the scale's ends, and one bar per day of the period.</summary>
public sealed record DayChartLayout(int PlotHeight, int AxisY, Money Highest, Money Lowest, IReadOnlyList<DayBar> Bars);
