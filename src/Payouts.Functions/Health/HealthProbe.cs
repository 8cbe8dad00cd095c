using Azure;
using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Storage.Connections;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Health;

/// <summary>
/// One round of checks: a one-row table query and one queue listing side by side, then the rate book (through its
/// one-minute cache) when tables answer. Storage and queues decide whether the instance can serve. Rates only warn:
/// an instance without them still ingests (statements that need them block until they come), and replacing it would
/// not bring them.
/// </summary>
public sealed class HealthProbe(StorageReachability storage, RateBookCache rates, PeriodCalendar calendar, IClock clock)
{
    private static readonly IReadOnlyList<string> ExpectedQueues = [.. QueueNames.All.SelectMany(q => new[] { q, QueueNames.PoisonOf(q) })];

    public async Task<HealthReport> RunAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var storageCheck = CheckAsync("storage", StorageAsync, ct);
        var queuesCheck = CheckAsync("queues", QueuesAsync, ct);
        var storage = await storageCheck;
        var rateCheck = storage.Status == HealthStatus.Healthy
            ? await RatesAsync(now.InZone(calendar.Zone).Date, ct)
            : HealthCheck.NotChecked("rates", "not checked: tables do not answer");
        return new HealthReport(now, [storage, await queuesCheck, rateCheck]);
    }

    private static async Task<HealthCheck> CheckAsync(string name, Func<CancellationToken, Task<string?>> check, CancellationToken ct)
    {
        try
        {
            return await check(ct) is { } problem ? HealthCheck.Failed(name, problem) : HealthCheck.Passed(name);
        }
        catch (Exception ex) when (IsStorageFailure(ex, ct))
        {
            return HealthCheck.Failed(name, Describe(ex));
        }
    }

    private async Task<string?> StorageAsync(CancellationToken ct)
    {
        await storage.TablesAnswerAsync(ct);
        return null;
    }

    private async Task<string?> QueuesAsync(CancellationToken ct)
    {
        var present = await storage.QueueNamesAsync(ct);
        var missing = ExpectedQueues.Where(q => !present.Contains(q)).ToList();
        return missing.Count == 0 ? null : $"missing: {string.Join(", ", missing)}";
    }

    private async Task<HealthCheck> RatesAsync(LocalDate today, CancellationToken ct)
    {
        RateBook book;
        try
        {
            book = await rates.GetAsync(ct);
        }
        catch (Exception ex) when (IsStorageFailure(ex, ct))
        {
            return HealthCheck.Warned("rates", [$"rates not read: {Describe(ex)}"]);
        }

        var regions = book.Entries.Where(e => e.Kind == RateKind.DiamondsPerCoin).Select(e => e.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (regions.Count == 0)
        {
            return HealthCheck.Warned("rates", ["no gift rates loaded (PUT /api/rates)"]);
        }

        return HealthCheck.Warned("rates", [.. regions.Select(r => book.GiftRatesOn(r, today)).Where(l => !l.IsFound).Select(l => l.MissingReason!)]);
    }

    /// <summary>What the SDK throws when storage refuses or does not answer (after its retries), or the round's time ran out.</summary>
    private static bool IsStorageFailure(Exception ex, CancellationToken ct) =>
        ex is RequestFailedException or HttpRequestException or TimeoutException or AggregateException || (ex is OperationCanceledException && ct.IsCancellationRequested);

    private static string Describe(Exception ex) => ex switch
    {
        RequestFailedException { Status: > 0 } failed => $"storage answered {failed.Status} {failed.ErrorCode}",
        OperationCanceledException => "storage did not answer in time",
        _ => $"storage unreachable: {ex.GetType().Name}",
    };
}
