using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>One month of a year in one currency: the net and the payable of its counted statements; zero without any.</summary>
public sealed record MonthFigures(int Month, int Statements, Money Net, Money Payable);
