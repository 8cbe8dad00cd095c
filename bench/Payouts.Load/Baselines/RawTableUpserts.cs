using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;

namespace Payouts.Load.Baselines;

/// <summary>
/// The storage ceiling for ingest: <c>entities</c> rows as wide as a stored gift (same columns), upserted with
/// Azure.Data.Tables in transactions of 100, 16 partitions written in parallel (one sequential writer per partition).
/// With <c>insertOnly</c> the same rows are inserted (<c>Add</c>, what Payouts does) instead of upserted: Azurite
/// serves an insert with one lookup and an upsert with a query plus a lookup, so inserts are its faster ceiling.
/// </summary>
internal static class RawTableUpserts
{
    public const int Partitions = 16;
    public const int TransactionSize = 100;
    public const string Table = "BenchRaw";

    public static async Task<TimeSpan> RunAsync(TableServiceClient tables, int entities, bool insertOnly, CancellationToken ct, string? tableName = null)
    {
        var name = tableName ?? Table + (insertOnly ? "Inserts" : "Upserts");
        await tables.CreateTableIfNotExistsAsync(name, ct);
        var table = tables.GetTableClient(name);
        var action = insertOnly ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, Partitions, new ParallelOptions { MaxDegreeOfParallelism = Partitions, CancellationToken = ct }, async (p, token) =>
        {
            var partition = "raw-" + p.ToString("D2", CultureInfo.InvariantCulture);
            var mine = Enumerable.Range(0, entities).Where(i => i % Partitions == p).ToList();
            foreach (var chunk in mine.Chunk(TransactionSize))
            {
                await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(action, Row(partition, i))), token);
            }
        });
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The columns of a stored gift row (GiftMapping), with realistic sizes.</summary>
    private static TableEntity Row(string partition, int i) => new(partition, "tiklive|r" + i.ToString("D8", CultureInfo.InvariantCulture))
    {
        ["PartnerId"] = "tiklive",
        ["RecordId"] = "r" + i.ToString("D8", CultureInfo.InvariantCulture),
        ["CreatorId"] = "ic-00042",
        ["Period"] = "2026-09",
        ["Fingerprint"] = "3f7a0c9e5b1d4a2f8e6c0b9d7a5f3e1c2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a",
        ["IngestedAt"] = new DateTimeOffset(2026, 9, 30, 12, 0, 0, TimeSpan.Zero),
        ["Source"] = "http",
        ["LiveId"] = "ic-00042.live-7",
        ["SenderHash"] = "9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d",
        ["GiftId"] = "rose",
        ["CoinsPerGift"] = 1,
        ["Quantity"] = 3,
        ["OccurredAt"] = new DateTimeOffset(2026, 9, 14, 19, 30, 0, TimeSpan.Zero),
        ["Kind"] = "gift",
        ["OriginalRecordId"] = null,
    };
}
