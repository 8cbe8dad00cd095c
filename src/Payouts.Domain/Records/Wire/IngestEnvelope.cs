using System.Text.Json;

namespace Payouts.Domain.Records.Wire;

/// <summary>
/// A parsed batch as partners send it: <c>{ "partnerId": "...", "records": [ ... ] }</c>, or NDJSON (one record per line,
/// the partner named by the caller). Owns the parsed JSON; dispose it when the records have been read.
/// </summary>
public sealed class IngestEnvelope : IDisposable
{
    private readonly IReadOnlyList<JsonDocument> _documents;

    internal IngestEnvelope(string? partnerId, IReadOnlyList<JsonElement> records, IReadOnlyList<JsonDocument> documents)
    {
        PartnerId = partnerId;
        Records = records;
        _documents = documents;
    }

    /// <summary>The partner the body names; null for NDJSON, where the authenticated partner applies.</summary>
    public string? PartnerId { get; }

    public IReadOnlyList<JsonElement> Records { get; }

    public void Dispose()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }
    }
}
