using Payouts.Domain.Records;
using Payouts.Storage.Settlement;

namespace Payouts.Storage.Statements;

/// <summary>
/// What one statement counts: per record partition, the rows that arrived since the creator's last statement settled it
/// (<see cref="PendingRecords"/>), and those rows as records.
/// </summary>
public sealed record StatementInputSet(IReadOnlyList<PendingRecords> Partitions, IReadOnlyList<GiftRecord> Gifts, IReadOnlyList<DealRecord> Deals)
{
    public int Count => Gifts.Count + Deals.Count;
}
