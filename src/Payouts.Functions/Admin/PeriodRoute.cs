using Payouts.Domain.Periods;
using Payouts.Functions.Http;

namespace Payouts.Functions.Admin;

/// <summary>The <c>{period}</c> of an admin route: a key of the configured kind, or a 400 saying what one looks like.</summary>
internal static class PeriodRoute
{
    public static PeriodKey? Parse(string text, PeriodCalendar calendar) =>
        PeriodKey.TryParse(text, out var period) && period.Kind == calendar.Kind ? period : null;

    public static ProblemResult Bad(string text, PeriodCalendar calendar) =>
        ProblemResult.BadRequest($"'{text}' is not a {calendar.Kind} period key (e.g. {(calendar.Kind == PeriodKind.Monthly ? "2026-11" : "2026-W48")}).");
}
