namespace Payouts.Domain.Records.Wire;

/// <summary>A parsed envelope, or why the whole body is refused (the caller maps it to 400 or a rejected-store entry).</summary>
public sealed record EnvelopeParseResult(IngestEnvelope? Envelope, string? Problem, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static EnvelopeParseResult Refused(string problem, string? field = null) =>
        new(null, problem, field is null ? null : new Dictionary<string, string[]> { [field] = [problem] });
}
