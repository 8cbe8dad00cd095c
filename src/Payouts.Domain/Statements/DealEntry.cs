using Payouts.Domain.Periods;
using Payouts.Domain.Records;

namespace Payouts.Domain.Statements;

/// <summary>A deal or bonus record with the period its <c>earnedAt</c> falls in.</summary>
public sealed record DealEntry(DealRecord Record, PeriodKey Period)
{
    /// <summary>The reversal of the voided <see cref="Record"/> (stored as it was sent): its amount negated, on a line of its own.</summary>
    public bool IsVoid { get; init; }

    public static DealEntry From(DealRecord record, PeriodCalendar calendar) => new(record, calendar.PeriodOf(record.EarnedAt));

    /// <summary>A void reverses the whole deal, earned when the deal was and valued like it.</summary>
    public static DealEntry ForVoid(DealRecord voided, PeriodCalendar calendar) => From(voided, calendar) with { IsVoid = true };
}
