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
    public int Count => Gifts.Count + Deals.Count;
}
