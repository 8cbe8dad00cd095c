using Azure.Data.Tables;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Corrections;

/// <summary>Where an accepted record's row is: its id claim names the partition, the partition names the creator.</summary>
internal sealed record StoredRecordRow(TableClient Table, string CreatorId, TableEntity Row)
{
    public string VoidKey => VoidRows.KeyOf(Row.RowKey);

    /// <summary>The record's row, or null when no such record was ever accepted (or its row was never written).</summary>
    public static async Task<StoredRecordRow?> FindAsync(CreatorTables tables, RecordKind kind, string partnerId, string recordId, CancellationToken ct) =>
        await new RecordIdIndex(tables.RecordIds).FindAsync(kind, partnerId, recordId, ct) is { } claim
            ? await FindAsync(tables, kind, claim, partnerId, recordId, ct)
            : null;

    /// <summary>The row its id claim points to, or null when it was never written (a refund still waiting for its gift, say).</summary>
    public static async Task<StoredRecordRow?> FindAsync(CreatorTables tables, RecordKind kind, TableEntity claim, string partnerId, string recordId, CancellationToken ct)
    {
        var (creatorId, _) = OwnerOf(claim);
        var table = tables.Records(creatorId, kind == RecordKind.Gift ? TableNames.Gifts : TableNames.Deals);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(claim.GetString("DataPartition"), TableKeys.Compose(partnerId, recordId), cancellationToken: ct);
        return found.HasValue ? new StoredRecordRow(table, creatorId, found.Value!) : null;
    }

    /// <summary>The creator and record period an id claim names (its data partition is "{creatorId}|{period}").</summary>
    public static (string CreatorId, PeriodKey Period) OwnerOf(TableEntity claim)
    {
        var parts = claim.GetString("DataPartition").Split(TableKeys.Separator);
        return (parts[0], PeriodKey.Parse(parts[1]));
    }
}
