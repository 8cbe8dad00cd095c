using NodaTime;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>One day's bar in a <see cref="DayChartLayout"/>: its top and height in whole plot units (0 for a day without earnings).</summary>
public sealed record DayBar(int Index, LocalDate Date, Money Total, int Top, int Height, bool Labelled)
{
    public bool IsNegative => Total.IsNegative;
}
