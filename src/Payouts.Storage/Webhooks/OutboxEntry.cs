namespace Payouts.Storage.Webhooks;

/// <summary>One webhook to deliver: which event about which subject, to which target's URL, with which body.</summary>
public sealed record OutboxEntry(string DeliveryId, string Event, string SubjectId, string TargetId, string Url, string Body);
