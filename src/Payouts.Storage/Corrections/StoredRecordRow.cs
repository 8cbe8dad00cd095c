using Azure.Data.Tables;
using Payouts.Application.Statements;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Corrections;

/// <summary>Where an accepted record's row is: its id claim names the partition, the partition names the creator.</summary>
internal sealed record StoredRecordRow(TableClient Table, string CreatorId, TableEntity Row)
{
    public string VoidKey => VoidRows.KeyOf(Row.RowKey);

    /// <summary>The record's row, or null when no such record was ever accepted (or its row was never written).</summary>
    public static async Task<StoredRecordRow?> FindAsync(CreatorTables tables, RecordKind kind, string partnerId, string recordId, CancellationToken ct)
    {
        if (await new RecordIdIndex(tables.RecordIds).FindAsync(kind, partnerId, recordId, ct) is not { } claim)
        {
            return null;
        }

        var partition = claim.GetString("DataPartition");
        var creatorId = partition.Split(TableKeys.Separator)[0];
        var table = tables.Records(creatorId, kind == RecordKind.Gift ? TableNames.Gifts : TableNames.Deals);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Compose(partnerId, recordId), cancellationToken: ct);
        return found.HasValue ? new StoredRecordRow(table, creatorId, found.Value!) : null;
    }
}
