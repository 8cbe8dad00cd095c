using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Corrections;

/// <summary>Reads a stored record's identity and its void's audit columns: two point reads, nothing written.</summary>
public sealed class RecordAuditReader(CreatorTables tables)
{
    private static readonly string[] VoidColumns = [VoidRows.By, VoidRows.At, VoidRows.Reason, VoidRows.Quantity];

    /// <summary>The record's audit, or null when no such record was ever accepted.</summary>
    public async Task<RecordAudit?> GetAsync(RecordKind kind, string partnerId, string recordId, CancellationToken ct)
    {
        if (await StoredRecordRow.FindAsync(tables, kind, partnerId, recordId, ct) is not { } stored)
        {
            return null;
        }

        var row = stored.Row;
        var voided = await stored.Table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, stored.VoidKey, VoidColumns, ct);
        return new RecordAudit(
            kind,
            partnerId,
            recordId,
            stored.CreatorId,
            StoredRecordColumns.PeriodOf(row),
            InstantOf(row, RecordColumns.IngestedAt),
            row.GetString(RecordColumns.Source),
            row.GetString(RecordColumns.Fingerprint))
        {
            Void = voided.HasValue
                ? new RecordVoidAudit(voided.Value!.GetString(VoidRows.By), InstantOf(voided.Value, VoidRows.At), voided.Value.GetString(VoidRows.Reason)) { Quantity = voided.Value.GetInt64(VoidRows.Quantity) }
                : null,
        };
    }

    private static Instant InstantOf(TableEntity row, string column) =>
        Instant.FromDateTimeOffset(row.GetDateTimeOffset(column) ?? throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} has no {column}."));
}
