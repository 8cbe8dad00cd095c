using Azure;
using NodaTime;

namespace Payouts.Storage.Outbox;

/// <summary>
/// One message to deliver, once per statement in normal operation and at least once whatever fails: which event
/// about which subject, through which channel to which target (a queue name or an agency id and its URL), and the
/// body. <see cref="DeliveryId"/> is stable across retries and is what a receiver dedupes on.
/// </summary>
public sealed record OutboxDelivery(
    string DeliveryId,
    OutboxChannel Channel,
    string Event,
    string SubjectId,
    string TargetId,
    string? Url,
    string Body)
{
    public int Attempts { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public ETag ETag { get; init; }
}
