using NodaTime;

namespace Payouts.Application.Outbox;

/// <summary>
/// One message to deliver, once per statement in normal operation and at least once whatever fails: which event
/// about which subject, through which channel to which target (a queue name or an agency id and its URL), and the
/// body. <see cref="DeliveryId"/> is stable across retries and is what a receiver dedupes on. <see cref="Url"/> is the
/// agency's URL when the delivery was written; a webhook is sent to the agency's URL at the time of sending.
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
    /// <summary>The delivery id of an event about a subject to a target: a hash, so the same delivery is always one row.</summary>
    public static string IdOf(string eventName, string subjectId, string targetId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{eventName}\n{subjectId}\n{targetId}")))[..32];

    /// <summary>A webhook of an event about a subject to an agency at its URL; <paramref name="body"/> is given the delivery id.</summary>
    public static OutboxDelivery ToAgency(string eventName, string subjectId, string agencyId, Uri url, Func<string, string> body)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        var id = IdOf(eventName, subjectId, agencyId);
        return new OutboxDelivery(id, OutboxChannel.Webhook, eventName, subjectId, agencyId, url.ToString(), body(id));
    }

    public int Attempts { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant NextAttemptAt { get; init; }

    /// <summary>How the last attempt failed; null before any failure.</summary>
    public DeliveryFailure? LastFailure { get; init; }

    /// <summary>The stored row's concurrency token: a claim succeeds only if nobody changed the row since it was read.</summary>
    public string Version { get; init; } = string.Empty;
}
