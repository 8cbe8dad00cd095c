using Payouts.Domain.Periods;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>
/// A creator's year: every statement version whose period ends in it (superseded ones marked), the periods that are
/// blocked, and per payout currency the totals and the twelve months.
/// </summary>
public sealed record YearlySummary(
    string CreatorId,
    int Year,
    IReadOnlyList<YearStatement> Statements,
    IReadOnlyList<PeriodKey> Blocked,
    IReadOnlyList<CurrencyYear> Currencies)
{
    /// <summary>The name the creator's contract gives at the end of the year; null shows the id.</summary>
    public string? DisplayName { get; init; }

    public string CreatorName => DisplayName ?? CreatorId;

    public IEnumerable<YearStatement> Counted => Statements.Where(s => s.IsCounted);
}
