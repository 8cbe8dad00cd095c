using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.Functions.Health;
using Payouts.Functions.Ingestion;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>Calls the real function classes, resolved from the app's container, and reads tables back.</summary>
public abstract class AppTestBase(PayoutsAppFixture app)
{
    protected PayoutsAppFixture App => app;

    protected Instant Now => Instant.FromDateTimeOffset(app.Time.GetUtcNow());

    protected IngestGiftsHttp GiftsFunction => ActivatorUtilities.CreateInstance<IngestGiftsHttp>(app.Services);

    protected IngestDealsHttp DealsFunction => ActivatorUtilities.CreateInstance<IngestDealsHttp>(app.Services);

    protected async Task<HttpCall.Response> PostGiftsAsync(string body, string? secret = PayoutsAppFixture.PartnerSecret, Instant? signedAt = null, string contentType = "application/json", string? partnerHeader = null)
    {
        var request = HttpCall.Request(body, secret, signedAt ?? Now, contentType, partnerHeader);
        return await HttpCall.ExecuteAsync<IngestGiftsHttp>(request, await GiftsFunction.Run(request, CancellationToken.None));
    }

    protected async Task<HttpCall.Response> PostDealsAsync(string body, string? secret = PayoutsAppFixture.PartnerSecret, string partnerHeader = PayoutsAppFixture.Partner)
    {
        var request = HttpCall.Request(body, secret, Now, partnerHeader: partnerHeader);
        return await HttpCall.ExecuteAsync<IngestDealsHttp>(request, await DealsFunction.Run(request, CancellationToken.None));
    }

    /// <summary><c>GET /api/health</c>, anonymous, as the platform's health check calls it.</summary>
    protected async Task<HttpCall.Response> HealthAsync()
    {
        var request = HttpCall.Get();
        return await HttpCall.ExecuteAsync<HealthHttp>(request, await ActivatorUtilities.CreateInstance<HealthHttp>(app.Services).Run(request, CancellationToken.None));
    }

    /// <summary><c>GET /api/health/details</c>, the admin route for on-call.</summary>
    protected async Task<HttpCall.Response> HealthDetailsAsync()
    {
        var request = HttpCall.Get();
        return await HttpCall.ExecuteAsync<HealthDetailsHttp>(request, await ActivatorUtilities.CreateInstance<HealthDetailsHttp>(app.Services).Run(request, CancellationToken.None));
    }

    protected async Task<List<TableEntity>> RowsAsync(string table, string partitionKey)
    {
        var client = app.Tables.GetTableClient(table);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ne {"!seq"}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every row of a table whose key mentions <paramref name="creatorId"/>: proves nothing was written elsewhere.</summary>
    protected async Task<List<TableEntity>> RowsOfCreatorAsync(string table, string creatorId)
    {
        var client = app.Tables.GetTableClient(table);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {creatorId + "|"} and PartitionKey lt {creatorId + "|~"} and RowKey ne {"!seq"}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
