using Payouts.Application.Statements;
namespace Payouts.Storage.Ingestion;

/// <summary>
/// A record or whole message refused on the queue path, kept with its reason and raw text so it can be fixed and
/// replayed (docs/operations.md). <paramref name="RecordId"/> is null when the message could not be parsed at all.
/// </summary>
public sealed record RejectedRecord(
    IngestSource Source,
    string Origin,
    RecordKind Kind,
    string? PartnerId,
    string? RecordId,
    string Reason,
    string RawPayload,
    string? MessageId = null,
    long? DequeueCount = null);
