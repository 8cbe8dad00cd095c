using Payouts.Domain.Periods;
using Payouts.Domain.Records;

namespace Payouts.Domain.Statements;

/// <summary>A deal or bonus record with the period its <c>earnedAt</c> falls in.</summary>
public sealed record DealEntry(DealRecord Record, PeriodKey Period)
{
    public static DealEntry From(DealRecord record, PeriodCalendar calendar) => new(record, calendar.PeriodOf(record.EarnedAt));
}
