using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Periods;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using Payouts.Functions.Http;
using Payouts.Rendering.Pdf;
using Payouts.Storage.Statements;
using Payouts.Application.Statements;

namespace Payouts.Functions.Admin;

/// <summary>Statements as documents (JSON, CSV, HTML, PDF by Accept), a creator's list, and a draft of an open period.</summary>
public sealed class StatementReadHandler(StatementStore statements, StatementDocuments documents, StatementBuilder builder, PeriodCalendar calendar)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, string statementId, CancellationToken ct)
    {
        if (!StatementId.TryParse(statementId, out var id))
        {
            return ProblemResult.BadRequest($"'{statementId}' is not a statement id such as lea~2026-11~v1.");
        }

        var format = AcceptedFormat.Of(request);
        var header = await statements.GetHeaderAsync(id, ct);
        if (header is not null && !header.Formats.Contains(format, StringComparer.Ordinal))
        {
            // Issued documents are never rendered again: a statement stored before PDFs were has none.
            return new ProblemResult(
                StatusCodes.Status406NotAcceptable, "format-not-stored", "The statement has no document in this format.",
                $"Statement {id} was issued with {string.Join(", ", header.Formats)} documents only; issued statements are never rendered again.");
        }

        var content = header is null ? null : await documents.ReadAsync(header, format, ct);
        return content is null
            ? new ProblemResult(StatusCodes.Status404NotFound, "not-found", "No such statement.", $"Statement {id} has not been issued.")
            : new BytesResult(StatusCodes.Status200OK, StatementDocuments.ContentTypes[format], content.ToArray());
    }

    public async Task<IActionResult> ListAsync(string creatorId, CancellationToken ct)
    {
        if (!TextRules.IsIdentifier(creatorId))
        {
            return ProblemResult.BadRequest($"creatorId may only contain {TextRules.IdentifierAlphabet}.");
        }

        var headers = await statements.ListHeadersAsync(creatorId, ct);
        var blocked = await statements.ListBlockedAsync(creatorId, ct);
        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("creatorId", creatorId);
            w.WriteStartArray("statements");
            foreach (var header in headers)
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
                }

                w.WriteString("currency", header.Currency.Code);
                w.WriteString("net", header.Amount(header.Totals.Net).ToAmountString());
                w.WriteString("payable", header.Amount(header.Totals.Payable).ToAmountString());
                w.WriteString("carriedForward", header.Amount(header.Totals.CarriedForward).ToAmountString());
                w.WriteString("contentHash", header.ContentHash);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("blocked");
            foreach (var (period, reasons) in blocked)
            {
                w.WriteStartObject();
                w.WriteString("period", period.ToString());
                BlockReasonJson.WriteArray(w, "reasons", reasons);
                w.WriteEndObject();
            }

            w.WriteEndArray();
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

    internal static string FormatOf(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ? "csv"
            : accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) ? "html"
            : "json";
    }
}
