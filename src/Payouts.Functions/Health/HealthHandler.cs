using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Functions.Http;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Health;

/// <summary>
/// For probes: storage answers, every queue (and its poison queue) exists, and gift rates are in force today for every
/// region that has any. 200 when all pass, 503 otherwise; the body names each check and never holds data or secrets.
/// </summary>
public sealed class HealthHandler(TableServiceClient tables, QueueServiceClient queues, RateBookCache rates, PeriodCalendar calendar, IClock clock)
{
    public async Task<IActionResult> CheckAsync(CancellationToken ct)
    {
        var checks = new List<HealthCheck>
        {
            await RunAsync("storage", StorageAsync, ct),
            await RunAsync("queues", QueuesAsync, ct),
            await RunAsync("rates", RatesAsync, ct),
        };
        var healthy = checks.TrueForAll(c => c.Healthy);
        return BytesResult.Json(
            w =>
            {
                w.WriteStartObject();
                w.WriteString("status", healthy ? "healthy" : "unhealthy");
                w.WriteString("period", calendar.PeriodOf(clock.GetCurrentInstant()).ToString());
                w.WriteStartObject("checks");
                foreach (var check in checks)
                {
                    w.WriteStartObject(check.Name);
                    w.WriteString("status", check.Healthy ? "healthy" : "unhealthy");
                    w.WriteString("detail", check.Detail);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            },
            healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<HealthCheck> RunAsync(string name, Func<CancellationToken, Task<string?>> check, CancellationToken ct)
    {
        try
        {
            var problem = await check(ct);
            return new HealthCheck(name, problem is null, problem ?? "ok");
        }
        catch (RequestFailedException ex)
        {
            return new HealthCheck(name, false, $"storage answered {ex.Status} {ex.ErrorCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or AggregateException)
        {
            return new HealthCheck(name, false, $"storage unreachable: {ex.GetType().Name}");
        }
    }

    private async Task<string?> StorageAsync(CancellationToken ct)
    {
        await foreach (var _ in tables.GetTableClient(TableNames.Periods).QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: ct).AsPages(pageSizeHint: 1))
        {
            break;
        }

        return null;
    }

    private async Task<string?> QueuesAsync(CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var queue in QueueNames.All.SelectMany(q => new[] { q, QueueNames.PoisonOf(q) }))
        {
            if (!await queues.GetQueueClient(queue).ExistsAsync(ct))
            {
                missing.Add(queue);
            }
        }

        return missing.Count == 0 ? null : $"missing: {string.Join(", ", missing)}";
    }

    private async Task<string?> RatesAsync(CancellationToken ct)
    {
        var book = await rates.GetAsync(ct);
        var today = clock.GetCurrentInstant().InZone(calendar.Zone).Date;
        var regions = book.Entries.Where(e => e.Kind == RateKind.DiamondsPerCoin).Select(e => e.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (regions.Count == 0)
        {
            return "no gift rates loaded (PUT /api/rates)";
        }

        var missing = regions.Select(r => book.GiftRatesOn(r, today)).Where(l => !l.IsFound).Select(l => l.MissingReason).ToList();
        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    private sealed record HealthCheck(string Name, bool Healthy, string Detail);
}
