using Azure.Data.Tables;
using Payouts.Domain.Records;

namespace Payouts.Storage.Statements;

/// <summary>The record rows one statement counts: unsettled when read, or already claimed by this statement on an earlier attempt.</summary>
internal sealed record ClaimedRecords(IReadOnlyList<(TableEntity Row, GiftRecord Record)> Gifts, IReadOnlyList<(TableEntity Row, DealRecord Record)> Deals)
{
    public int Count => Gifts.Count + Deals.Count;

    public IEnumerable<TableEntity> Rows => Gifts.Select(g => g.Row).Concat(Deals.Select(d => d.Row));
}
