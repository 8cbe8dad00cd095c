using System.Diagnostics;
using System.Text;
using Payouts.Functions.Ingestion;
using Payouts.Load.Baselines;
using Payouts.Load.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Load.Scenarios;

/// <summary>
/// Envelopes sent to <c>gifts-inbound</c> as plain text (today's SDK default, host.json <c>messageEncoding: none</c>),
/// then drained by a host-like pump that hands each received <see cref="Azure.Storage.Queues.Models.QueueMessage"/>
/// to the real <see cref="IngestGiftsQueue"/> function class and deletes it once the function returned.
/// The figure is the drain (receive → function → delete); sending is the partner's side and reported apart.
/// </summary>
internal static class QueueIngestScenario
{
    public sealed record Result(TimeSpan Send, TimeSpan Drain, HostLikeQueuePump.Result Pump);

    public static IReadOnlyList<string> Messages(Workloads.IngestBatches batches) =>
        batches.Batches.Select(b => Encoding.UTF8.GetString(b.Body)).ToList();

    public static async Task<Result> RunAsync(BenchApp app, IReadOnlyList<string> messages, int maxInFlight, CancellationToken ct)
    {
        var queue = app.Queues.GetQueueClient(QueueNames.GiftsInbound);
        var send = await RawQueueRoundTrip.SendAllAsync(queue, messages, ct);
        var function = app.Function<IngestGiftsQueue>();
        var started = Stopwatch.GetTimestamp();
        var pump = await new HostLikeQueuePump(queue, maxInFlight).DrainAsync(messages.Count, function.Run, ct);
        return new Result(send, Stopwatch.GetElapsedTime(started), pump);
    }
}
