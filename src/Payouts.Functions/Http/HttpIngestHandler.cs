using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Records.Wire;
using Payouts.Domain.Signing;
using Payouts.Storage.Ingestion;

namespace Payouts.Functions.Http;

/// <summary>
/// POST a batch: media type → size → partner signature → envelope shape → partner match → store. Every refusal is a
/// problem-details 4xx decided before anything is written; once past those checks each record settles on its own.
/// </summary>
public sealed class HttpIngestHandler<TRecord>(RecordBatchIngestion<TRecord> ingestion, PartnerAuthenticator authenticator)
    where TRecord : class
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    public const string PartnerHeader = "Payouts-Partner-Id";

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        if (FormatOf(request.ContentType) is not { } format)
        {
            return ProblemResult.UnsupportedMediaType("Send application/json ({ \"partnerId\", \"records\" }) or application/x-ndjson (one record per line).");
        }

        if (request.ContentLength > MaxBodyBytes || await ReadBodyAsync(request.Body, ct) is not { } body)
        {
            return ProblemResult.TooLarge($"A batch body is at most {MaxBodyBytes / (1024 * 1024)} MiB; split it.");
        }

        var parsed = IngestEnvelopeParser.Parse(body, format);
        using var envelope = parsed.Envelope;
        var headerPartner = request.Headers[PartnerHeader].ToString();
        var partnerId = headerPartner.Length > 0 ? headerPartner : envelope?.PartnerId ?? parsed.ClaimedPartnerId;
        if (partnerId is null || !TextRules.IsIdentifier(partnerId))
        {
            return ProblemResult.Unauthorized($"Name the partner in the {PartnerHeader} header (or partnerId in a JSON body) and sign the body.");
        }

        var check = authenticator.Verify(partnerId, request.Headers[PayloadSignature.HeaderName].ToString(), body.Span);
        if (check != SignatureCheck.Valid)
        {
            return ProblemResult.Unauthorized(SignatureProblem(check));
        }

        if (envelope is null)
        {
            return ProblemResult.BadRequest(parsed.Problem!, parsed.Errors);
        }

        if (envelope.PartnerId is { } bodyPartner && bodyPartner != partnerId)
        {
            return ProblemResult.Forbidden($"The body names partner '{bodyPartner}' but the request is signed as '{partnerId}'.");
        }

        var (result, _) = await ingestion.IngestAsync(envelope, partnerId, IngestSource.Http, ct);
        return new IngestResponseResult(result);
    }

    private static EnvelopeFormat? FormatOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.MediaType?.ToLowerInvariant() switch
        {
            "application/json" => EnvelopeFormat.Json,
            "application/x-ndjson" or "application/ndjson" => EnvelopeFormat.NdJson,
            _ => null,
        }
        : null;

    /// <summary>Reads at most <see cref="MaxBodyBytes"/>; null when the body is longer (the length header can lie or be absent).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static string SignatureProblem(SignatureCheck check) => check switch
    {
        SignatureCheck.Missing => $"The {PayloadSignature.HeaderName} header is missing: sign \"<unix seconds>.<body>\" with HMAC-SHA256 and send t=<seconds>,v1=<hex>.",
        SignatureCheck.Malformed => $"The {PayloadSignature.HeaderName} header must look like t=<unix seconds>,v1=<hex>.",
        SignatureCheck.Expired => "The signature timestamp is outside the allowed window (5 minutes): check the clock and sign each request anew.",
        _ => "The signature does not match the body for this partner.",
    };
}
