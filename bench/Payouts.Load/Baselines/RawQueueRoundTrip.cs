using System.Diagnostics;
using Azure.Storage.Queues;
using Payouts.Load.Infrastructure;

namespace Payouts.Load.Baselines;

/// <summary>
/// The queue ceiling: the same messages the queue-ingest scenario sends (same count and size), sent with 16 senders,
/// then received and deleted by the same host-like pump with a no-op function.
/// </summary>
internal static class RawQueueRoundTrip
{
    public const string Queue = "bench-raw-queue";

    public static async Task<(TimeSpan Send, TimeSpan ReceiveDelete)> RunAsync(QueueServiceClient queues, IReadOnlyList<string> messages, int maxInFlight, CancellationToken ct)
    {
        var queue = queues.GetQueueClient(Queue);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var send = await SendAllAsync(queue, messages, ct);
        var started = Stopwatch.GetTimestamp();
        var result = await new HostLikeQueuePump(queue, maxInFlight).DrainAsync(messages.Count, (_, _) => Task.CompletedTask, ct);
        if (result.Completed != messages.Count)
        {
            throw new InvalidOperationException($"The raw queue pump completed {result.Completed} of {messages.Count} messages.");
        }

        return (send, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Partner side: 16 concurrent senders.</summary>
    public static async Task<TimeSpan> SendAllAsync(QueueClient queue, IReadOnlyList<string> messages, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, messages.Count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
            await queue.SendMessageAsync(messages[i], token));
        return Stopwatch.GetElapsedTime(started);
    }
}
