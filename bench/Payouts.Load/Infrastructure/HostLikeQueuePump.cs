using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Payouts.Load.Infrastructure;

/// <summary>
/// Drains a queue the way the Functions queue listener does on one instance: receive up to <c>batchSize</c> (16)
/// messages, run each through the function concurrently, fetch more when in-flight work drops to
/// <c>newBatchThreshold</c>, delete a message once its function returned, and make a failed one visible again
/// (after <see cref="RetryDelay"/>; the host waits its visibilityTimeout) until <c>maxDequeueCount</c> (5), then count it as poison.
/// </summary>
internal sealed class HostLikeQueuePump(QueueClient queue, int maxInFlight)
{
    public const int BatchSize = 16;
    public const int MaxDequeueCount = 5;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public sealed record Result(int Completed, int Failures, int Poisoned);

    /// <summary>Runs until <paramref name="expected"/> messages completed (or were poisoned).</summary>
    public async Task<Result> DrainAsync(int expected, Func<QueueMessage, CancellationToken, Task> function, CancellationToken ct)
    {
        var completed = 0;
        var failures = 0;
        var poisoned = 0;
        using var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        var running = new List<Task>();
        var idle = TimeSpan.FromMilliseconds(10);
        var batch = Math.Min(BatchSize, maxInFlight);
        while (Volatile.Read(ref completed) + Volatile.Read(ref poisoned) < expected)
        {
            // A new batch is fetched once in-flight work is down to maxInFlight - batchSize (the host's newBatchThreshold).
            if (slots.CurrentCount < batch)
            {
                await Task.Delay(5, ct);
                continue;
            }

            running.RemoveAll(t => t.IsCompleted);
            var messages = (await queue.ReceiveMessagesAsync(batch, TimeSpan.FromMinutes(5), ct)).Value;
            if (messages.Length == 0)
            {
                // The host backs off up to maxPollingInterval (2 s) on an empty queue; here work is still in flight.
                await Task.Delay(idle, ct);
                idle = TimeSpan.FromMilliseconds(Math.Min(200, idle.TotalMilliseconds * 2));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(10);
            foreach (var message in messages)
            {
                await slots.WaitAsync(ct);
                running.Add(Task.Run(
                    async () =>
                    {
                        try
                        {
                            await function(message, ct);
                            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                            Interlocked.Increment(ref completed);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            Interlocked.Increment(ref failures);
                            Console.Error.WriteLine($"[pump] {queue.Name} message {message.MessageId} (dequeue {message.DequeueCount}) failed: {ex.GetType().Name}: {ex.Message}");
                            if (message.DequeueCount >= MaxDequeueCount)
                            {
                                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                                Interlocked.Increment(ref poisoned);
                            }
                            else
                            {
                                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: RetryDelay, cancellationToken: ct);
                            }
                        }
                        finally
                        {
                            slots.Release();
                        }
                    },
                    ct));
            }
        }

        await Task.WhenAll(running);
        return new Result(completed, failures, poisoned);
    }
}
