namespace Payouts.Domain.Records.Wire;

/// <summary>
/// A parsed envelope, or why the whole body is refused (the caller maps it to 400 or a rejected-store entry).
/// <see cref="ClaimedPartnerId"/> is the well-formed partnerId a refused body names, so the caller can still check
/// the signature first and answer 401 to a stranger rather than explain the body's shape to it.
/// </summary>
public sealed record EnvelopeParseResult(IngestEnvelope? Envelope, string? Problem, IReadOnlyDictionary<string, string[]>? Errors = null, string? ClaimedPartnerId = null)
{
    public static EnvelopeParseResult Refused(string problem, string? field = null, string? claimedPartnerId = null) =>
        new(null, problem, field is null ? null : new Dictionary<string, string[]> { [field] = [problem] }, claimedPartnerId);
}
