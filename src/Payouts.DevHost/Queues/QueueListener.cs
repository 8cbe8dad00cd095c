using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.DevHost.Discovery;
using Payouts.DevHost.Invocation;

namespace Payouts.DevHost.Queues;

/// <summary>
/// Polls one queue for one queue-triggered function with the Functions host's semantics (host.json <c>extensions.queues</c>):
/// up to <c>batchSize</c> messages at a time, a new batch once the messages in flight drop to <c>newBatchThreshold</c>,
/// randomised exponential back-off up to <c>maxPollingInterval</c> while the queue is empty, a failed message
/// made visible again after <c>visibilityTimeout</c>, and a message that fails on its <c>maxDequeueCount</c>-th delivery
/// copied to <c>&lt;queue&gt;-poison</c> and deleted. The function gets the real <see cref="QueueMessage"/>
/// (id, pop receipt, <c>DequeueCount</c>), its body decoded from base64 when the host is set to base64.
/// </summary>
public sealed partial class QueueListener(
    FunctionDescriptor function,
    QueueClient queue,
    QueueClient poison,
    QueueHostOptions options,
    FunctionInvoker invoker,
    IServiceProvider services,
    ILogger logger)
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a message being processed stays invisible to other pollers (the host renews it; runs here are short).</summary>

    public string QueueName => queue.Name;

    public async Task RunAsync(CancellationToken ct)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var inFlight = new List<Task>();
        var delay = MinimumPollingInterval;
        while (!ct.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > options.NewBatchThreshold)
            {
                await Task.WhenAny(inFlight);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, options.MessageLease, ct)).Value;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (RequestFailedException ex)
            {
                LogPollFailed(logger, ex, queue.Name);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Delay(delay, ct);
                delay = Next(delay);
                continue;
            }

            delay = MinimumPollingInterval;
            inFlight.AddRange(messages.Select(m => ProcessAsync(m, ct)));
        }

        await Task.WhenAll(inFlight);
    }

    /// <summary>Handles one message: delete on success; on failure retry after <c>visibilityTimeout</c> or poison.</summary>
    internal async Task ProcessAsync(QueueMessage received, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var message = Decode(received);
            await using (var scope = services.CreateAsyncScope())
            {
                await invoker.InvokeAsync(function, InvocationInput.ForMessage(message), scope.ServiceProvider, ct);
            }

            await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, CancellationToken.None);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogSucceeded(logger, function.Name, received.MessageId, received.DequeueCount, elapsedMs);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again on its own.
        }
        catch (Exception ex)
        {
            await FailAsync(received, ex, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task FailAsync(QueueMessage received, Exception error, double elapsedMs)
    {
        try
        {
            if (received.DequeueCount >= options.MaxDequeueCount)
            {
                await poison.CreateIfNotExistsAsync();
                await poison.SendMessageAsync(received.Body);
                await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
                LogPoisoned(logger, error, function.Name, received.MessageId, received.DequeueCount, poison.Name);
            }
            else
            {
                await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: options.VisibilityTimeout);
                LogFailed(logger, error, function.Name, received.MessageId, received.DequeueCount, elapsedMs, options.VisibilityTimeout);
            }
        }
        catch (RequestFailedException ex)
        {
            // Lost the message (another poller took it after our visibility ran out): it will be seen again.
            LogReleaseFailed(logger, ex, function.Name, received.MessageId);
        }
    }

    private QueueMessage Decode(QueueMessage received)
    {
        if (!options.IsBase64)
        {
            return received;
        }

        // The host decodes base64 before binding; a body that is not base64 fails the invocation (and so is retried, then poisoned).
        var text = received.Body.ToString();
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            throw new FormatException($"Message {received.MessageId} is not base64, but host.json sets messageEncoding to base64.");
        }

        return QueuesModelFactory.QueueMessage(
            received.MessageId, received.PopReceipt, new BinaryData(buffer.AsMemory(0, written)), received.DequeueCount, received.NextVisibleOn, received.InsertedOn, received.ExpiresOn);
    }

    private TimeSpan Next(TimeSpan delay)
    {
        var doubled = TimeSpan.FromTicks(delay.Ticks * 2);
        var jitter = TimeSpan.FromTicks((long)(doubled.Ticks * 0.2 * (Random.Shared.NextDouble() - 0.5)));
        var next = doubled + jitter;
        return next > options.MaxPollingInterval ? options.MaxPollingInterval : next;
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{FunctionName} message {MessageId} (delivery {DequeueCount}) → succeeded in {ElapsedMs:0} ms")]
    private static partial void LogSucceeded(ILogger logger, string functionName, string messageId, long dequeueCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{FunctionName} message {MessageId} (delivery {DequeueCount}) → failed in {ElapsedMs:0} ms; visible again in {VisibilityTimeout}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName, string messageId, long dequeueCount, double elapsedMs, TimeSpan visibilityTimeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "{FunctionName} message {MessageId} failed on delivery {DequeueCount}: moved to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, Exception exception, string functionName, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{FunctionName} message {MessageId}: could not release it after a failure")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string functionName, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {QueueName} failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queueName);
}
