namespace Payouts.Domain.Records.Wire;

/// <summary>How a batch body is written.</summary>
public enum EnvelopeFormat
{
    /// <summary><c>{ "partnerId": "...", "records": [...] }</c></summary>
    Json,

    /// <summary>One JSON record per line (<c>application/x-ndjson</c>).</summary>
    NdJson,
}
