namespace Payouts.Domain.Periods;

/// <summary>How statement periods are cut: calendar months, or ISO weeks starting on Monday.</summary>
public enum PeriodKind
{
    Monthly,
    Weekly,
}
