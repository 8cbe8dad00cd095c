using Azure;
using Azure.Data.Tables;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Outbox;

/// <summary>
/// One outbox operation over many rows of one partition: entity-group transactions of up to 100 (one request where
/// a dispatch run or an emit would make dozens), and, when a transaction fails on one row's condition (another
/// dispatcher claimed it, it exists, it is gone), the same rows again one by one, so every other row still succeeds.
/// </summary>
internal static class OutboxBatches
{
    /// <summary>Runs the operation; returns the key and new ETag of each row it succeeded on (tolerated refusals are left out).</summary>
    public static async Task<Dictionary<string, ETag>> RunAsync<T>(
        TableClient table,
        IReadOnlyList<T> items,
        Func<T, string> keyOf,
        Func<T, TableTransactionAction> action,
        Func<T, CancellationToken, Task<ETag?>> oneByOne,
        int[] tolerated,
        CancellationToken ct)
    {
        var done = new Dictionary<string, ETag>(StringComparer.Ordinal);
        foreach (var chunk in items.Chunk(InsertOnlyWriter.MaxTransactionSize))
        {
            if (chunk.Length > 1)
            {
                try
                {
                    var responses = await table.SubmitTransactionAsync(chunk.Select(action), ct);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        done[keyOf(chunk[i])] = responses.Value[i].Headers.ETag ?? default;
                    }

                    continue;
                }
                catch (TableTransactionFailedException ex) when (tolerated.Contains(ex.Status))
                {
                    // One row's condition failed and the transaction wrote nothing: each row on its own below.
                }
            }

            foreach (var item in chunk)
            {
                try
                {
                    done[keyOf(item)] = await oneByOne(item, ct) ?? default;
                }
                catch (RequestFailedException ex) when (tolerated.Contains(ex.Status))
                {
                    // Refused as expected for this row (taken, present or gone): the others go on.
                }
            }
        }

        return done;
    }
}
