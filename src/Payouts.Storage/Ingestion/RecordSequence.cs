using System.Net;
using Azure;
using Azure.Data.Tables;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// The arrival order of one record partition (<c>{creatorId}|{period}</c> of Gifts or Deals). A row <c>!seq</c> in the
/// partition holds the last sequence number given out; every record row carries its own <c>Seq</c>, and both are
/// written in the same entity-group transaction. So when the sequence row says <c>n</c>, the rows with
/// <c>Seq ≤ n</c> are exactly the ones stored, numbered 1..n without gaps: a statement that read <c>n</c> can settle
/// "everything up to n" with one entry instead of one write per record. '!' cannot occur in a record id, so the row
/// never collides with a record and sorts first.
/// </summary>
public static class RecordSequence
{
    public const string RowKey = "!seq";
    public const string LastColumn = "Last";
    public const string SeqColumn = "Seq";

    public static async Task<(long Last, ETag? ETag)> ReadAsync(TableClient table, string partition, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey, [LastColumn], ct);
        return row.HasValue ? (row.Value!.GetInt64(LastColumn) ?? 0, row.Value.ETag) : (0, null);
    }

    /// <summary>The filter for the rows of a partition that arrived after <paramref name="after"/>, up to <paramref name="upTo"/>.</summary>
    public static string RangeFilter(string partition, long after, long upTo) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Seq gt {after} and Seq le {upTo}");

    /// <summary>
    /// Inserts rows of one partition, numbering them in arrival order. Rows already there are never changed: per input
    /// position the existing row is returned (null where this call inserted it). A concurrent writer of the same
    /// partition moves the sequence row first: read it again and retry.
    /// </summary>
    internal static async Task<TableEntity?[]> AddAsync(TableClient table, IReadOnlyList<TableEntity> rows, bool expectExisting, CancellationToken ct)
    {
        var existing = new TableEntity?[rows.Count];
        if (rows.Count == 0)
        {
            return existing;
        }

        var partition = rows[0].PartitionKey;
        var pending = Enumerable.Range(0, rows.Count).ToList();
        var readFirst = expectExisting;
        while (pending.Count > 0)
        {
            if (readFirst)
            {
                await InsertOnlyWriter.ReadExistingAsync(table, rows, pending, existing, ct);
                pending = pending.Where(i => existing[i] is null).ToList();
                if (pending.Count == 0)
                {
                    break;
                }
            }

            var chunk = pending.Take(InsertOnlyWriter.MaxTransactionSize - 1).ToList();
            var (last, etag) = await ReadAsync(table, partition, ct);
            var actions = new List<TableTransactionAction>(chunk.Count + 1);
            var sequence = new TableEntity(partition, RowKey) { [LastColumn] = last + chunk.Count };
            actions.Add(etag is { } e
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, sequence, e)
                : new TableTransactionAction(TableTransactionActionType.Add, sequence));
            for (var k = 0; k < chunk.Count; k++)
            {
                var row = new TableEntity(rows[chunk[k]]) { [SeqColumn] = last + k + 1 };
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, ct);
                pending = pending.Skip(chunk.Count).ToList();
                readFirst = expectExisting;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Another writer moved the sequence, or holds one of these keys: find out which rows exist, retry the rest.
                readFirst = ex.FailedTransactionActionIndex is not 0;
            }
        }

        return existing;
    }
}
