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

    /// <summary>Adds the delivery unless it exists (pending or already delivered); returns it as written, with its ETag.</summary>
    public async Task<OutboxDelivery> AddAsync(OutboxDelivery delivery, Instant now, CancellationToken ct)
    {
        if ((await _table.GetEntityIfExistsAsync<TableEntity>(Delivered, delivery.DeliveryId, ["Event"], ct)).HasValue)
        {
            return delivery with { Version = string.Empty };
        }

        var added = delivery with { Attempts = 0, CreatedAt = now, NextAttemptAt = now, LastFailure = null };
        try
        {
            var response = await _table.AddEntityAsync(ToRow(Pending, added), ct);
            return added with { Version = response.Headers.ETag?.ToString() ?? string.Empty };
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Written by an earlier attempt: keep its attempt count (the caller reads it before sending).
            return delivery with { Version = string.Empty };
        }
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
    /// Takes the delivery for one attempt: its attempt count goes up and its next attempt moves to
    /// <paramref name="retryAt"/>, so a dispatcher that dies mid-send leaves it due again then. Null when another
    /// dispatcher took it first.
    /// </summary>
    public async Task<OutboxDelivery?> TryClaimAsync(OutboxDelivery delivery, Instant retryAt, CancellationToken ct)
    {
        var update = new TableEntity(Pending, delivery.DeliveryId)
        {
            ["Attempts"] = delivery.Attempts + 1,
            ["NextAttemptAt"] = retryAt.ToDateTimeOffset(),
        };
        try
        {
            var response = await _table.UpdateEntityAsync(update, new ETag(delivery.Version), TableUpdateMode.Merge, ct);
            return delivery with { Attempts = delivery.Attempts + 1, NextAttemptAt = retryAt, Version = response.Headers.ETag?.ToString() ?? delivery.Version };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Moves the delivery to "delivered" (insert there first, then delete pending: a crash in between leaves a harmless
    /// twin). The delivered row is written from the claimed delivery in hand, which is the pending row as it stands.
    /// </summary>
    public async Task MarkDeliveredAsync(OutboxDelivery delivery, Instant now, int status, CancellationToken ct)
    {
        var delivered = ToRow(Delivered, delivery);
        delivered["DeliveredAt"] = now.ToDateTimeOffset();
        delivered["LastStatus"] = status;
        await _table.UpsertEntityAsync(delivered, TableUpdateMode.Replace, ct);
        await _table.DeleteEntityAsync(Pending, delivery.DeliveryId, ETag.All, ct);
    }

    /// <summary>Records how the attempt failed (category and status, never exception text); the next attempt time was set when it was claimed.</summary>
    public async Task RecordFailureAsync(OutboxDelivery delivery, DeliveryFailure failure, CancellationToken ct)
    {
        var update = new TableEntity(Pending, delivery.DeliveryId)
        {
            ["LastErrorCategory"] = failure.Code,
            ["LastStatus"] = failure.Status,
            ["LastError"] = failure.Describe(),
        };
        try
        {
            await _table.UpdateEntityAsync(update, new ETag(delivery.Version), TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Claimed again by another dispatcher meanwhile: its outcome is the one that counts.
        }
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
