using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>The records a statement counts: what arrived since the creator's last statement settled each partition.</summary>
public interface IStatementInputs
{
    /// <param name="lastPeriod">The period of the creator's last issued statement, or null before the first.</param>
    Task<StatementInputSet> ReadAsync(string creatorId, PeriodKey period, PeriodKey? lastPeriod, CancellationToken ct);

    /// <summary>Exactly the records an issued statement counted (the ranges its header names): what a reissue recomputes.</summary>
    Task<StatementInputSet> ReadSettledAsync(StatementHeader header, CancellationToken ct);

    /// <summary>Gift entries for the calculator; a refund is valued at its original gift's date (looked up when not in hand).</summary>
    Task<List<GiftEntry>> GiftEntriesAsync(StatementInputSet inputs, CancellationToken ct);

    List<DealEntry> DealEntries(StatementInputSet inputs);
}
