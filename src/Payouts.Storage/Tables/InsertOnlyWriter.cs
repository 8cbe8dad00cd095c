using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Payouts.Storage.Tables;

/// <summary>
/// Insert-only writes in entity-group transactions (≤ 100 rows of one partition). An existing row is never changed:
/// when a transaction hits one, the chunk's rows are read, the ones already there are reported back, and the rest are
/// inserted again, until every row is either inserted by us or known to exist.
/// </summary>
internal static class InsertOnlyWriter
{
    public const int MaxTransactionSize = 100;

    /// <summary>
    /// Inserts <paramref name="entities"/> (all of one partition). Returns, per input position, the row that already
    /// existed, or null where this call inserted it.
    /// </summary>
    /// <param name="expectExisting">Read before writing: cheaper when most rows are expected to be there (a resend).</param>
    public static async Task<TableEntity?[]> AddAsync(TableClient table, IReadOnlyList<TableEntity> entities, bool expectExisting, CancellationToken ct)
    {
        var existing = new TableEntity?[entities.Count];
        for (var start = 0; start < entities.Count; start += MaxTransactionSize)
        {
            var chunk = Enumerable.Range(start, Math.Min(MaxTransactionSize, entities.Count - start)).ToList();
            var readFirst = expectExisting;
            while (chunk.Count > 0)
            {
                if (readFirst)
                {
                    await ReadExistingAsync(table, entities, chunk, existing, ct);
                    chunk = chunk.Where(i => existing[i] is null).ToList();
                    if (chunk.Count == 0)
                    {
                        break;
                    }
                }

                if (await TrySubmitAsync(table, chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, entities[i])), ct))
                {
                    break;
                }

                // Somebody else holds at least one of these keys: find out which, insert the rest.
                readFirst = true;
            }
        }

        return existing;
    }

    /// <summary>Idempotent upserts (merge) of rows of one partition, in transactions.</summary>
    public static async Task UpsertMergeAsync(TableClient table, IReadOnlyList<TableEntity> entities, CancellationToken ct)
    {
        foreach (var chunk in entities.Chunk(MaxTransactionSize))
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e)), ct);
        }
    }

    private static async Task<bool> TrySubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Reads the rows at the given positions: per position the stored row, or null.</summary>
    public static async Task ReadExistingAsync(TableClient table, IReadOnlyList<TableEntity> entities, List<int> chunk, TableEntity?[] existing, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct };
        await Parallel.ForEachAsync(chunk, options, async (i, token) =>
        {
            NullableResponse<TableEntity> found = await table.GetEntityIfExistsAsync<TableEntity>(entities[i].PartitionKey, entities[i].RowKey, cancellationToken: token);
            existing[i] = found.HasValue ? found.Value : null;
        });
    }
}
