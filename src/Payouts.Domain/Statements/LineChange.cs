using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;

namespace Payouts.Domain.Statements;

/// <summary>
/// One line that differs between a statement and the version it replaces: absent before (a new line), absent after
/// (gone), or another amount. <see cref="Difference"/> is after − before, in the statement's currency.
/// </summary>
public sealed record LineChange(LineKind Kind, string Description, PeriodKey? OriginalPeriod, string? RecordId, Money? Before, Money? After)
{
    public Money Difference => (After ?? Money.Zero((After ?? Before)!.Value.Currency)) - (Before ?? Money.Zero((After ?? Before)!.Value.Currency));
}
