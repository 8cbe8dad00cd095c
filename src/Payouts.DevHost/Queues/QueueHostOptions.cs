namespace Payouts.DevHost.Queues;

/// <summary>host.json <c>extensions.queues</c>, with the Functions host's defaults for what it leaves out.</summary>
public sealed record QueueHostOptions
{
    public int BatchSize { get; init; } = 16;

    /// <summary>A new batch is fetched once the messages in flight drop to this number (host default: half the batch).</summary>
    public int NewBatchThreshold { get; init; } = 8;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before it is tried again.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>
    /// How long a message being processed stays invisible (the host's 10 minutes). A host that dies mid-message makes
    /// it reappear after this; setting <c>DevHost:QueueMessageLease</c> shortens it for crash tests.
    /// </summary>
    public TimeSpan MessageLease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary><c>base64</c> (the host's default) or <c>none</c>.</summary>
    public string MessageEncoding { get; init; } = "base64";

    public bool IsBase64 => string.Equals(MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase);
}
