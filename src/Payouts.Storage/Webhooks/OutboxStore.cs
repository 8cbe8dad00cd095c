using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Webhooks;

/// <summary>
/// Webhook deliveries waiting to happen. PartitionKey "pending" or "delivered"; RowKey = delivery id, a hash of
/// (event, statement id, target), so writing the same delivery twice is one row. A delivery leaves "pending" only
/// after a 2xx: nothing is lost when a receiver is down, and the receiver dedupes on <c>Payouts-Delivery-Id</c>.
/// </summary>
public sealed class OutboxStore(TableServiceClient tables)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Outbox);

    public static string DeliveryId(string eventName, string subjectId, string targetId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventName}\n{subjectId}\n{targetId}")))[..32];

    /// <summary>Adds the delivery unless it exists (pending or already delivered).</summary>
    public async Task AddAsync(OutboxEntry entry, Instant now, CancellationToken ct)
    {
        var delivered = await _table.GetEntityIfExistsAsync<TableEntity>(Delivered, entry.DeliveryId, cancellationToken: ct);
        if (delivered.HasValue)
        {
            return;
        }

        var row = new TableEntity(Pending, entry.DeliveryId)
        {
            ["Event"] = entry.Event,
            ["SubjectId"] = entry.SubjectId,
            ["TargetId"] = entry.TargetId,
            ["Url"] = entry.Url,
            ["Body"] = entry.Body,
            ["Attempts"] = 0,
            ["CreatedAt"] = now.ToDateTimeOffset(),
            ["NextAttemptAt"] = now.ToDateTimeOffset(),
        };
        try
        {
            await _table.AddEntityAsync(row, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Written by an earlier attempt: keep its attempt count.
        }
    }

    public async Task<IReadOnlyList<TableEntity>> DueAsync(Instant now, int max, CancellationToken ct)
    {
        var due = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Pending} and NextAttemptAt le {now.ToDateTimeOffset()}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: ct))
        {
            due.Add(row);
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    public async Task<IReadOnlyList<TableEntity>> ListPendingAsync(int max, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Pending}"), cancellationToken: ct))
        {
            rows.Add(row);
            if (rows.Count >= max)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Moves the delivery to "delivered" (insert there first, then delete pending: a crash in between leaves a harmless twin).</summary>
    public async Task MarkDeliveredAsync(TableEntity pending, Instant now, int status, CancellationToken ct)
    {
        var delivered = new TableEntity(pending) { PartitionKey = Delivered, ["DeliveredAt"] = now.ToDateTimeOffset(), ["LastStatus"] = status };
        delivered.ETag = default;
        await _table.UpsertEntityAsync(delivered, TableUpdateMode.Replace, ct);
        await _table.DeleteEntityAsync(Pending, pending.RowKey, ETag.All, ct);
    }

    public async Task RescheduleAsync(TableEntity pending, Instant next, string error, CancellationToken ct)
    {
        var update = new TableEntity(Pending, pending.RowKey)
        {
            ["Attempts"] = (pending.GetInt32("Attempts") ?? 0) + 1,
            ["NextAttemptAt"] = next.ToDateTimeOffset(),
            ["LastError"] = error.Length > 1000 ? error[..1000] : error,
        };
        await _table.UpdateEntityAsync(update, pending.ETag, TableUpdateMode.Merge, ct);
    }
}
