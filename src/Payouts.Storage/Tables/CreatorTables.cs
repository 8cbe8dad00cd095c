using Azure.Data.Tables;

namespace Payouts.Storage.Tables;

/// <summary>
/// The one place that hands out table clients for a creator's data: their records, their statements (with the lease,
/// balance and settlement rows beside them), their payout details and the activity index. Today every creator lives in
/// one storage account; mapping a creator to one of several accounts later is a change to this class alone.
/// </summary>
public sealed class CreatorTables(TableServiceClient tables)
{
    public TableClient Gifts(string creatorId) => For(creatorId, TableNames.Gifts);

    public TableClient Deals(string creatorId) => For(creatorId, TableNames.Deals);

    public TableClient Records(string creatorId, string tableName) => For(creatorId, tableName);

    public TableClient Statements(string creatorId) => For(creatorId, TableNames.Statements);

    public TableClient PayoutDetails(string creatorId) => For(creatorId, TableNames.PayoutDetails);

    /// <summary>Activity marks are keyed by period first; the account is the same for every creator today.</summary>
    public TableClient Activity => tables.GetTableClient(TableNames.Activity);

    /// <summary>The idempotency ledger of record ids (keyed by partner), where a refund's original is found.</summary>
    public TableClient RecordIds => tables.GetTableClient(TableNames.RecordIds);

    private TableClient For(string creatorId, string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(creatorId);
        return tables.GetTableClient(tableName);
    }
}
