using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Outbox;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Outbox;

/// <summary>
/// Everything Payouts emits, waiting to be delivered. PartitionKey "pending" or "delivered"; RowKey = delivery id, a
/// hash of (event, subject, channel target), so writing the same delivery twice is one row. A delivery is claimed
/// (ETag-guarded, with its next attempt moved out) before it is sent, so two dispatchers never send it at once, and it
/// leaves "pending" only once the target took it: nothing is lost when a target is down.
/// </summary>
public sealed class OutboxStore(TableServiceClient tables) : IOutboxStore
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Outbox);

    /// <summary>
    /// Adds the deliveries that do not exist (pending or already delivered), in one transaction when none does (the
    /// usual case: an emit adds a statement's payout message and webhook together); returns each as written, with its
    /// ETag, or as given with no version when it existed.
    /// </summary>
    public async Task<IReadOnlyList<OutboxDelivery>> AddAsync(IReadOnlyList<OutboxDelivery> deliveries, Instant now, CancellationToken ct)
    {
        var delivered = await DeliveredIdsAsync(deliveries.Select(d => d.DeliveryId), ct);
        var fresh = deliveries
            .Where(d => !delivered.Contains(d.DeliveryId))
            .DistinctBy(d => d.DeliveryId, StringComparer.Ordinal)
            .Select(d => d with { Attempts = 0, CreatedAt = now, NextAttemptAt = now, LastFailure = null })
            .ToList();
        var written = await OutboxBatches.RunAsync(
            _table,
            fresh,
            d => d.DeliveryId,
            d => new TableTransactionAction(TableTransactionActionType.Add, ToRow(Pending, d)),
            async (d, token) => (await _table.AddEntityAsync(ToRow(Pending, d), token)).Headers.ETag,
            [(int)HttpStatusCode.Conflict],
            ct);
        var added = fresh.ToDictionary(d => d.DeliveryId, StringComparer.Ordinal);
        return [.. deliveries.Select(d => written.TryGetValue(d.DeliveryId, out var etag)
            ? added[d.DeliveryId] with { Version = etag.ToString() }
            : d with { Version = string.Empty })];
    }

    public async Task<IReadOnlyList<OutboxDelivery>> DueAsync(Instant now, int max, CancellationToken ct) =>
        await ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Pending} and NextAttemptAt le {now.ToDateTimeOffset()}"), max, ct);

    public async Task<IReadOnlyList<OutboxDelivery>> ListPendingAsync(int max, CancellationToken ct) =>
        await ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Pending}"), max, ct);

    /// <summary>Pending deliveries in delivery-id order, <paramref name="pageSize"/> at most, after <paramref name="afterDeliveryId"/>.</summary>
    public async Task<ListedPage<OutboxDelivery>> ListPendingPageAsync(string? afterDeliveryId, int pageSize, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Pending} and RowKey gt {afterDeliveryId ?? string.Empty}");
        var rows = await ListAsync(filter, pageSize + 1, ct);
        return ListedPage<OutboxDelivery>.FromOneMore(rows, pageSize, d => d.DeliveryId, d => d);
    }

    /// <summary>Whether <paramref name="key"/> can be a pending row's key: a delivery id (<see cref="OutboxDelivery.IdOf"/>).</summary>
    public static bool IsDeliveryId(string key) => key.Length == 32 && key.All(char.IsAsciiHexDigitLower);

    public async Task<OutboxDelivery?> GetPendingAsync(string deliveryId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Pending, deliveryId, cancellationToken: ct);
        return row.HasValue ? ToDelivery(row.Value!) : null;
    }

    /// <summary>
    /// Takes the deliveries for one attempt each: attempt count up, next attempt moved to <paramref name="retryAt"/>, so a
    /// dispatcher that dies mid-send leaves them due again then. ETag-guarded, in transactions of up to 100; a
    /// transaction that meets a row another dispatcher took is redone one by one. Returns those this caller holds.
    /// </summary>
    public async Task<IReadOnlyList<OutboxDelivery>> TryClaimAsync(IReadOnlyList<OutboxDelivery> deliveries, Func<OutboxDelivery, Instant> retryAt, CancellationToken ct)
    {
        TableEntity Claim(OutboxDelivery d) => new(Pending, d.DeliveryId)
        {
            ["Attempts"] = d.Attempts + 1,
            ["NextAttemptAt"] = retryAt(d).ToDateTimeOffset(),
        };

        var claimed = await OutboxBatches.RunAsync(
            _table,
            deliveries,
            d => d.DeliveryId,
            d => new TableTransactionAction(TableTransactionActionType.UpdateMerge, Claim(d), new ETag(d.Version)),
            async (d, token) => (await _table.UpdateEntityAsync(Claim(d), new ETag(d.Version), TableUpdateMode.Merge, token)).Headers.ETag,
            [(int)HttpStatusCode.PreconditionFailed, (int)HttpStatusCode.NotFound],
            ct);
        return [.. deliveries
            .Where(d => claimed.ContainsKey(d.DeliveryId))
            .Select(d => d with { Attempts = d.Attempts + 1, NextAttemptAt = retryAt(d), Version = claimed[d.DeliveryId].ToString() })];
    }

    /// <summary>
    /// Moves deliveries to "delivered": the delivered rows are written first (from the claimed deliveries in hand, which
    /// are the pending rows as they stand), then the pending ones deleted; a crash in between leaves harmless twins.
    /// </summary>
    public async Task MarkDeliveredAsync(IReadOnlyList<(OutboxDelivery Delivery, int Status)> deliveries, Instant now, CancellationToken ct)
    {
        TableEntity Row((OutboxDelivery Delivery, int Status) d)
        {
            var row = ToRow(Delivered, d.Delivery);
            row["DeliveredAt"] = now.ToDateTimeOffset();
            row["LastStatus"] = d.Status;
            return row;
        }

        await OutboxBatches.RunAsync(
            _table,
            deliveries,
            d => d.Delivery.DeliveryId,
            d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(d)),
            async (d, token) => (await _table.UpsertEntityAsync(Row(d), TableUpdateMode.Replace, token)).Headers.ETag,
            [],
            ct);
        await OutboxBatches.RunAsync(
            _table,
            deliveries,
            d => d.Delivery.DeliveryId,
            d => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Pending, d.Delivery.DeliveryId), ETag.All),
            async (d, token) => (await _table.DeleteEntityAsync(Pending, d.Delivery.DeliveryId, ETag.All, token)).Headers.ETag,
            [(int)HttpStatusCode.NotFound],
            ct);
    }

    /// <summary>
    /// Records how attempts failed (category and status, never exception text); their next attempt times were set when
    /// they were claimed. A row claimed again meanwhile keeps the other dispatcher's outcome.
    /// </summary>
    public async Task RecordFailureAsync(IReadOnlyList<(OutboxDelivery Delivery, DeliveryFailure Failure)> failures, CancellationToken ct)
    {
        static TableEntity Row((OutboxDelivery Delivery, DeliveryFailure Failure) f) => new(Pending, f.Delivery.DeliveryId)
        {
            ["LastErrorCategory"] = f.Failure.Code,
            ["LastStatus"] = f.Failure.Status,
            ["LastError"] = f.Failure.Describe(),
        };

        await OutboxBatches.RunAsync(
            _table,
            failures,
            f => f.Delivery.DeliveryId,
            f => new TableTransactionAction(TableTransactionActionType.UpdateMerge, Row(f), new ETag(f.Delivery.Version)),
            async (f, token) => (await _table.UpdateEntityAsync(Row(f), new ETag(f.Delivery.Version), TableUpdateMode.Merge, token)).Headers.ETag,
            [(int)HttpStatusCode.PreconditionFailed, (int)HttpStatusCode.NotFound],
            ct);
    }

    /// <summary>Which of these delivery ids are delivered already: one query per 20 ids.</summary>
    private async Task<HashSet<string>> DeliveredIdsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(20))
        {
            var rowKeys = string.Join(" or ", chunk.Select(id => TableClient.CreateQueryFilter($"RowKey eq {id}")));
            var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {Delivered}")} and ({rowKeys})";
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
            {
                delivered.Add(row.RowKey);
            }
        }

        return delivered;
    }

    private async Task<IReadOnlyList<OutboxDelivery>> ListAsync(string filter, int max, CancellationToken ct)
    {
        var rows = new List<OutboxDelivery>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            rows.Add(ToDelivery(row));
            if (rows.Count >= max)
            {
                break;
            }
        }

        return rows;
    }

    private static TableEntity ToRow(string partition, OutboxDelivery delivery)
    {
        var row = new TableEntity(partition, delivery.DeliveryId)
        {
            ["Channel"] = delivery.Channel.ToString(),
            ["Event"] = delivery.Event,
            ["SubjectId"] = delivery.SubjectId,
            ["TargetId"] = delivery.TargetId,
            ["Url"] = delivery.Url,
            ["Body"] = delivery.Body,
            ["Attempts"] = delivery.Attempts,
            ["CreatedAt"] = delivery.CreatedAt.ToDateTimeOffset(),
            ["NextAttemptAt"] = delivery.NextAttemptAt.ToDateTimeOffset(),
        };
        if (delivery.LastFailure is { } failure)
        {
            row["LastErrorCategory"] = failure.Code;
            row["LastStatus"] = failure.Status;
            row["LastError"] = failure.Describe();
        }

        return row;
    }

    private static OutboxDelivery ToDelivery(TableEntity row) => new(
        row.RowKey,
        Enum.TryParse<OutboxChannel>(row.GetString("Channel"), out var channel) ? channel : OutboxChannel.Webhook,
        row.GetString("Event"),
        row.GetString("SubjectId"),
        row.GetString("TargetId"),
        row.GetString("Url"),
        row.GetString("Body"))
    {
        Attempts = row.GetInt32("Attempts") ?? 0,
        CreatedAt = Instant.FromDateTimeOffset(row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch),
        NextAttemptAt = Instant.FromDateTimeOffset(row.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.UnixEpoch),
        LastFailure = DeliveryFailure.FromCode(row.GetString("LastErrorCategory"), row.GetInt32("LastStatus") ?? 0),
        Version = row.ETag.ToString(),
    };
}
