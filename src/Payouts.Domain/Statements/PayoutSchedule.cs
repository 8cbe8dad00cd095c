using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Statements;

/// <summary>
/// When a statement's payable is paid: a fixed number of days after the last day of its period (2026-11 with the
/// default 5 days: 2026-12-05). A period closes after its grace, so the delay must leave the payment system time after
/// that; it is printed on the statement, so changing it changes the statements built from then on, never issued ones.
/// </summary>
public sealed record PayoutSchedule
{
    public const int MaxDelayDays = 60;

    public PayoutSchedule(int delayDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delayDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delayDays, MaxDelayDays);
        DelayDays = delayDays;
    }

    public static PayoutSchedule Default { get; } = new(5);

    public int DelayDays { get; }

    public LocalDate DateFor(PeriodKey period) => period.LastDay.PlusDays(DelayDays);
}
