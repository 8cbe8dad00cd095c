using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Application.Statements;
using Payouts.Domain.Agencies;
using Payouts.Domain.Records.Validation;
using Payouts.Functions.Http;
using Payouts.Storage.Agencies;

namespace Payouts.Functions.Admin;

/// <summary>Agency statements as documents (JSON, CSV, HTML by Accept) and an agency's list of them with versions and status.</summary>
public sealed class AgencyStatementReadHandler(AgencyStatementStore statements, AgencyStatementDocuments documents)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, string agencyStatementId, CancellationToken ct)
    {
        if (!AgencyStatementId.TryParse(agencyStatementId, out var id))
        {
            return ProblemResult.BadRequest($"'{agencyStatementId}' is not an agency statement id such as agency~nova~2026-11~v1.");
        }

        var format = AcceptedFormat.Of(request);
        if (!StatementFormats.Agency.Contains(format, StringComparer.Ordinal))
        {
            return new ProblemResult(StatusCodes.Status406NotAcceptable, ProblemTypes.FormatNotStored, "Agency statements have no document in this format.", "Ask for application/json, text/csv or text/html.");
        }

        var content = await statements.GetAsync(id, ct) is { } header ? await documents.ReadAsync(header, format, ct) : null;
        return content is null
            ? new ProblemResult(StatusCodes.Status404NotFound, "not-found", "No such agency statement.", $"Agency statement {id} has not been issued.")
            : new BytesResult(StatusCodes.Status200OK, StatementFormats.ContentTypes[format], content.ToArray());
    }

    public async Task<IActionResult> ListAsync(string agencyId, CancellationToken ct)
    {
        if (!TextRules.IsIdentifier(agencyId))
        {
            return ProblemResult.BadRequest($"agencyId may only contain {TextRules.IdentifierAlphabet}.");
        }

        var headers = await statements.ListAsync(agencyId, ct);
        var blocked = await statements.ListBlockedAsync(agencyId, ct);
        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("agencyId", agencyId);
            w.WriteStartArray("statements");
            foreach (var header in headers)
            {
                w.WriteStartObject();
                w.WriteString("agencyStatementId", header.Id.ToString());
                w.WriteString("period", header.Period.ToString());
                w.WriteNumber("version", header.Id.Version);
                w.WriteString("status", header.Status.ToString());
                if (header.Supersedes is { } supersedes)
                {
                    w.WriteNumber("supersedes", supersedes);
                }

                w.WriteNumber("creators", header.Creators);
                w.WriteNumber("notPaidThisPeriod", header.Unpaid);
                w.WriteStartArray("totals");
                foreach (var total in header.Totals)
                {
                    w.WriteStartObject();
                    w.WriteString("currency", total.Currency.Code);
                    w.WriteString("commission", total.Commission.Total.ToAmountString());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("contentHash", header.ContentHash);
                w.WriteString("issuedAt", header.IssuedAt?.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("blocked");
            foreach (var marker in blocked)
            {
                w.WriteStartObject();
                w.WriteString("period", marker.Period.ToString());
                BlockReasonJson.WriteArray(w, "reasons", marker.Reasons);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
