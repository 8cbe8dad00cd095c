using Azure.Data.Tables;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// The idempotency ledger: one insert-only row per (kind, partner, record id), holding the content fingerprint and
/// where the record lives. It is claimed before the record is written, so a resend that changes the creator or the
/// month (and so would land in another data partition) is still recognised. Rows are spread over
/// <see cref="Buckets"/> partitions per partner to stay under the per-partition throughput limit.
/// </summary>
internal sealed class RecordIdIndex(TableClient table)
{
    public const int Buckets = 16;

    public static TableEntity Entry(RecordKind kind, string partnerId, string recordId, string fingerprint, string dataPartition) =>
        new(TableKeys.Compose(kind == RecordKind.Gift ? "g" : "d", partnerId, Bucket(recordId)), recordId)
        {
            [RecordColumns.Fingerprint] = fingerprint,
            ["DataPartition"] = dataPartition,
        };

    /// <summary>Claims every entry; per position, the entry that was already there (null = claimed now).</summary>
    public async Task<TableEntity?[]> ClaimAsync(IReadOnlyList<TableEntity> entries, CancellationToken ct)
    {
        var existing = new TableEntity?[entries.Count];
        var byPartition = Enumerable.Range(0, entries.Count).GroupBy(i => entries[i].PartitionKey, StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(byPartition, options, async (group, token) =>
        {
            var indexes = group.ToList();
            var found = await InsertOnlyWriter.AddAsync(table, indexes.Select(i => entries[i]).ToList(), expectExisting: false, token);
            for (var k = 0; k < indexes.Count; k++)
            {
                existing[indexes[k]] = found[k];
            }
        });
        return existing;
    }

    /// <summary>The fingerprint of a placeholder claim: a refund arrived before this gift and waits for it.</summary>
    public const string WaitingFingerprint = "waiting-for-this-gift";

    /// <summary>Set on a gift's claim that took over a placeholder, until the refunds waiting for it are released.</summary>
    public const string ReleaseColumn = "ReleaseWaiting";

    /// <summary>Claims a gift's id for the refunds waiting for it; the claim already there (a placeholder or the gift's own), or null when placed now.</summary>
    public async Task<TableEntity?> PlaceholderAsync(RecordKind kind, string partnerId, string recordId, CancellationToken ct)
    {
        var entry = Entry(kind, partnerId, recordId, WaitingFingerprint, string.Empty);
        return (await InsertOnlyWriter.AddAsync(table, [entry], expectExisting: false, ct))[0];
    }

    /// <summary>The gift arrived: its claim replaces the placeholder (only as read), flagged until its waiting refunds are released.</summary>
    public async Task<bool> TakeOverAsync(TableEntity placeholder, TableEntity entry, CancellationToken ct)
    {
        try
        {
            await table.UpdateEntityAsync(new TableEntity(entry) { [ReleaseColumn] = true }, placeholder.ETag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task ClearReleaseAsync(TableEntity entry, CancellationToken ct) =>
        await table.UpdateEntityAsync(new TableEntity(entry.PartitionKey, entry.RowKey) { [ReleaseColumn] = false }, Azure.ETag.All, TableUpdateMode.Merge, ct);

    /// <summary>On the claim of a refund voided while it waited: the gift id it waited for (the id stays taken).</summary>
    public const string VoidedWhileWaitingColumn = "VoidedWhileWaitingFor";

    public async Task MarkVoidedWhileWaitingAsync(string partnerId, string refundId, string giftId, CancellationToken ct)
    {
        var claim = Entry(RecordKind.Gift, partnerId, refundId, string.Empty, string.Empty);
        await table.UpdateEntityAsync(new TableEntity(claim.PartitionKey, claim.RowKey) { [VoidedWhileWaitingColumn] = giftId }, Azure.ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>Takes back a claim this request made for a record it then refused: the id is free again, as if never sent.</summary>
    public async Task WithdrawAsync(TableEntity entry, CancellationToken ct) =>
        await table.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, Azure.ETag.All, ct);

    /// <summary>The claim of one record, or null when that record id was never accepted.</summary>
    public async Task<TableEntity?> FindAsync(RecordKind kind, string partnerId, string recordId, CancellationToken ct)
    {
        var probe = Entry(kind, partnerId, recordId, string.Empty, string.Empty);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(probe.PartitionKey, probe.RowKey, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>FNV-1a: stable across processes and versions, unlike string.GetHashCode.</summary>
    private static string Bucket(string recordId)
    {
        var hash = 2166136261u;
        foreach (var c in recordId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (hash % Buckets).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
