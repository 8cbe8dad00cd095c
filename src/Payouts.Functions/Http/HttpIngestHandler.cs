using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Records.Wire;
using Payouts.Domain.Signing;
using Payouts.Application.Observability;
using Payouts.Storage.Ingestion;

namespace Payouts.Functions.Http;

/// <summary>
/// POST a batch: media type → bounded read → partner signature → rate limit → parse → partner match → store. Nothing
/// is parsed before the signature checks out (the partner id comes from the header, or from a forward-only scan of a
/// JSON body), every refusal is a problem-details 4xx decided before anything is written, and once past those checks
/// each record settles on its own.
/// </summary>
public sealed class HttpIngestHandler<TRecord>(RecordBatchIngestion<TRecord> ingestion, PartnerAuthenticator authenticator, PartnerRateLimiter rateLimiter, PayoutsMetrics metrics)
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

        if (request.ContentLength > MaxBodyBytes || await BoundedBody.ReadAsync(request.Body, MaxBodyBytes, ct, request.ContentLength) is not { } body)
        {
            return ProblemResult.TooLarge($"A batch body is at most {MaxBodyBytes / (1024 * 1024)} MiB; split it.");
        }

        var headerPartner = request.Headers[PartnerHeader].ToString();
        var partnerId = headerPartner.Length > 0 ? headerPartner
            : format == EnvelopeFormat.Json ? IngestEnvelopeParser.ScanPartnerId(body.Span)
            : null;
        if (partnerId is null || !TextRules.IsIdentifier(partnerId))
        {
            return ProblemResult.Unauthorized($"Name the partner in the {PartnerHeader} header (or partnerId in a JSON body) and sign the body.");
        }

        var check = authenticator.Verify(partnerId, request.Headers[PayloadSignature.HeaderName].ToString(), body.Span).Check;
        if (check != SignatureCheck.Valid)
        {
            return ProblemResult.Unauthorized(SignatureProblem(check));
        }

        if (rateLimiter.TryAcquire(partnerId) is { } wait)
        {
            var seconds = (int)wait.TotalSeconds;
            metrics.RateLimited(partnerId);
            return ProblemResult.TooManyRequests($"Partner '{partnerId}' is over its ingest rate; retry the same body after {seconds} s.", seconds);
        }

        var parsed = IngestEnvelopeParser.Parse(body, format);
        using var envelope = parsed.Envelope;
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

    private static string SignatureProblem(SignatureCheck check) => check switch
    {
        SignatureCheck.Missing => $"The {PayloadSignature.HeaderName} header is missing: sign \"<unix seconds>.<body>\" with HMAC-SHA256 and send t=<seconds>,v1=<hex>.",
        SignatureCheck.Malformed => $"The {PayloadSignature.HeaderName} header must look like t=<unix seconds>,v1=<hex>.",
        SignatureCheck.Expired => "The signature timestamp is outside the allowed window (5 minutes): check the clock and sign each request anew.",
        _ => "The signature does not match the body for this partner.",
    };
}
