using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace Payouts.Storage.Statements;

/// <summary>
/// A short lease on one creator's statements (row "lease" in the creator's Statements partition), so two deliveries of
/// the same job never claim records at the same time. It expires on its own, so a crashed builder blocks nobody for
/// longer than its duration (<c>Payouts:StatementLease</c>).
/// </summary>
internal sealed class CreatorLease(TableClient statements, string creatorId, ETag etag) : IAsyncDisposable
{
    private const string Row = "lease";

    public static async Task<CreatorLease?> TryAcquireAsync(TableClient statements, string creatorId, Instant now, Duration duration, CancellationToken ct)
    {
        var lease = new TableEntity(creatorId, Row) { ["ExpiresAt"] = (now + duration).ToDateTimeOffset() };
        var existing = await statements.GetEntityIfExistsAsync<TableEntity>(creatorId, Row, cancellationToken: ct);
        try
        {
            if (!existing.HasValue)
            {
                var added = await statements.AddEntityAsync(lease, ct);
                return new CreatorLease(statements, creatorId, added.Headers.ETag ?? ETag.All);
            }

            if (existing.Value!.GetDateTimeOffset("ExpiresAt") is { } expires && Instant.FromDateTimeOffset(expires) > now)
            {
                return null;
            }

            var taken = await statements.UpdateEntityAsync(lease, existing.Value.ETag, TableUpdateMode.Replace, ct);
            return new CreatorLease(statements, creatorId, taken.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await statements.DeleteEntityAsync(creatorId, Row, etag);
        }
        catch (RequestFailedException)
        {
            // Expired and taken over, or already gone: the lease times out on its own either way.
        }
    }
}
