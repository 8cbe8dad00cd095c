using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Application.Settlement;

namespace Payouts.Application.Statements;

/// <summary>
/// What one statement counts: per record partition, the rows that arrived since the creator's last statement settled it
/// (<see cref="PendingRecords"/>), and those rows as records. <see cref="LeftOut"/>: record periods with rows waiting
/// beyond what one statement settles; they are carried to the creator's next statement.
/// </summary>
public sealed record StatementInputSet(
    IReadOnlyList<PendingRecords> Partitions,
    IReadOnlyList<PeriodKey> LeftOut,
    IReadOnlyList<GiftRecord> Gifts,
    IReadOnlyList<DealRecord> Deals)
{
    /// <summary>Voids of gifts an earlier read counted: each is reversed on a line of its own.</summary>
    public IReadOnlyList<GiftVoid> GiftVoids { get; init; } = [];

    /// <summary>Voids of deals and bonuses an earlier read counted (each the deal as stored): reversed on lines of their own.</summary>
    public IReadOnlyList<DealRecord> DealVoids { get; init; } = [];

    /// <summary>
    /// Rows read that cancel out: a record and its void in the same read (with a voided gift's refunds), which no
    /// statement counts. They are settled all the same, so a statement is built even when nothing else is left.
    /// </summary>
    public int Cancelled { get; init; }

    /// <summary>The records and voids the statement counts.</summary>
    public int Count => Gifts.Count + Deals.Count + GiftVoids.Count + DealVoids.Count;
}
