using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Periods;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using Payouts.Functions.Http;
using Payouts.Rendering.Pdf;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Functions.Admin;

/// <summary>Statements as documents (JSON, CSV, HTML, PDF by Accept), a creator's list, and a draft of an open period.</summary>
public sealed class StatementReadHandler(StatementStore statements, StatementDocuments documents, StatementBuilder builder, PeriodCalendar calendar)
{
    /// <summary>Issued documents never change: the content hash and the format make a strong ETag, and a matching If-None-Match is a 304 read from the header alone.</summary>
    public async Task<IActionResult> GetAsync(HttpRequest request, string statementId, CancellationToken ct)
    {
        if (!StatementId.TryParse(statementId, out var id))
        {
            return ProblemResult.BadRequest($"'{statementId}' is not a statement id such as lea~2026-11~v1.");
        }

        var format = AcceptedFormat.Of(request);
        if (await statements.GetHeaderAsync(id, ct) is not { } header)
        {
            return NotIssued(id);
        }

        if (!header.Formats.Contains(format, StringComparer.Ordinal))
        {
            // Issued documents are never rendered again: a statement stored before PDFs were has none.
            return new ProblemResult(
                StatusCodes.Status406NotAcceptable, ProblemTypes.FormatNotStored, "The statement has no document in this format.",
                $"Statement {id} was issued with {string.Join(", ", header.Formats)} documents only; issued statements are never rendered again.");
        }

        var etag = EntityTags.Strong($"{header.ContentHash}.{format}");
        if (EntityTags.NoneMatchHits(request.Headers.IfNoneMatch.ToString(), etag))
        {
            return new NotModifiedResult(etag);
        }

        return await documents.ReadAsync(header, format, ct) is { } content
            ? new BytesResult(StatusCodes.Status200OK, StatementDocuments.ContentTypes[format], content.ToArray())
            {
                Headers = new Dictionary<string, string> { ["ETag"] = etag, ["Cache-Control"] = "private, max-age=31536000, immutable" },
            }
            : NotIssued(id);
    }

    /// <summary>A page of the creator's statements and blocked periods, oldest first.</summary>
    public async Task<IActionResult> ListAsync(HttpRequest request, string creatorId, CancellationToken ct)
    {
        if (!TextRules.IsIdentifier(creatorId))
        {
            return ProblemResult.BadRequest($"creatorId may only contain {TextRules.IdentifierAlphabet}.");
        }

        if (PageRequest.TryRead(request, creatorId, StatementStore.IsListedRowKey, out var page) is { } problem)
        {
            return problem;
        }

        var listed = await statements.ListPageAsync(creatorId, page.AfterRowKey, page.PageSize, ct);
        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("creatorId", creatorId);
            w.WriteStartArray("statements");
            foreach (var header in listed.Items.Select(e => e.Header).OfType<StatementHeader>())
            {
                WriteSummary(w, header);
            }

            w.WriteEndArray();
            w.WriteStartArray("blocked");
            foreach (var (period, reasons) in listed.Items.Select(e => e.Blocked).OfType<(PeriodKey, IReadOnlyList<BlockReason>)>())
            {
                w.WriteStartObject();
                w.WriteString("period", period.ToString());
                BlockReasonJson.WriteArray(w, "reasons", reasons);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (listed.HasMore)
            {
                w.WriteString("continuationToken", PageToken.Encode(creatorId, listed.LastRowKey!));
            }

            w.WriteEndObject();
        });
    }

    public async Task<IActionResult> PreviewAsync(HttpRequest request, string creatorId, CancellationToken ct)
    {
        var periodText = request.Query["period"].ToString();
        if (!TextRules.IsIdentifier(creatorId) || !PeriodKey.TryParse(periodText, out var period) || period.Kind != calendar.Kind)
        {
            return ProblemResult.BadRequest("Give a creator id and ?period= a period key such as 2026-11.");
        }

        var draft = await builder.PreviewAsync(creatorId, period, ct);
        return AcceptedFormat.Of(request) switch
        {
            "csv" => new BytesResult(StatusCodes.Status200OK, StatementDocuments.ContentTypes["csv"], StatementCsv.ToUtf8(draft)),
            "html" => new BytesResult(StatusCodes.Status200OK, StatementDocuments.ContentTypes["html"], System.Text.Encoding.UTF8.GetBytes(StatementHtml.ToHtml(draft))),
            "pdf" => new BytesResult(StatusCodes.Status200OK, StatementDocuments.ContentTypes["pdf"], StatementPdf.ToPdf(draft)),
            _ => new BytesResult(StatusCodes.Status200OK, StatementDocuments.ContentTypes["json"], StatementJson.ToUtf8(draft)),
        };
    }

    private static void WriteSummary(System.Text.Json.Utf8JsonWriter w, StatementHeader header)
    {
        w.WriteStartObject();
        w.WriteString("statementId", header.Id.ToString());
        w.WriteString("period", header.Period.ToString());
        w.WriteString("status", header.IsSuperseded ? nameof(StatementStatus.Superseded) : header.Status.ToString());
        w.WriteNumber("version", header.Id.Version);
        if (header.Supersedes is { } supersedes)
        {
            w.WriteNumber("supersedes", supersedes);
            w.WriteString("payableDifference", header.Amount(header.PayableDifference ?? 0).ToAmountString());
            StatementAuditJson.Write(w, header);
        }

        w.WriteString("currency", header.Currency.Code);
        w.WriteString("net", header.Amount(header.Totals.Net).ToAmountString());
        w.WriteString("payable", header.Amount(header.Totals.Payable).ToAmountString());
        w.WriteString("carriedForward", header.Amount(header.Totals.CarriedForward).ToAmountString());
        w.WriteString("contentHash", header.ContentHash);
        w.WriteEndObject();
    }

    private static ProblemResult NotIssued(StatementId id) =>
        new(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such statement.", $"Statement {id} has not been issued.");
}
