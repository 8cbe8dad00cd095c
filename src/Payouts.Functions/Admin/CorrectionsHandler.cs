using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Application.Statements;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Statements;
using Payouts.Functions.Http;
using Payouts.Storage.Corrections;

namespace Payouts.Functions.Admin;

/// <summary>
/// Corrections without rewriting: a void with a reason (the record itself never changes), a reissue with a reason
/// (a new version; the old one never changes). Both record who asked; a record's audit is read back here too.
/// </summary>
public sealed class CorrectionsHandler(RecordVoider voider, RecordAuditReader audits, StatementReissuer reissuer, AdminCaller caller)
{
    public async Task<IActionResult> ReissueAsync(HttpRequest request, string statementId, CancellationToken ct)
    {
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        if (!StatementId.TryParse(statementId, out var id))
        {
            body.Errors.Add("statementId", "must be a statement id such as lea~2026-11~v1");
        }

        var reason = ReasonOf(body, "why the statement must be issued again");
        if (!body.Errors.IsEmpty)
        {
            return ProblemResult.BadRequest("The reissue is not valid.", body.Errors.ToDictionary());
        }

        var outcome = await reissuer.ReissueAsync(new ReissueRequest(id, reason!, caller.Of(request)), ct);
        return outcome.Result switch
        {
            ReissueResult.NotFound => new ProblemResult(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such statement.", $"Statement {id} has not been issued."),
            ReissueResult.NotLatest => new ProblemResult(StatusCodes.Status409Conflict, ProblemTypes.NotLatestStatement, "Only the latest statement can be reissued.", outcome.Detail!),
            ReissueResult.AlreadyReissued => new ProblemResult(StatusCodes.Status409Conflict, ProblemTypes.AlreadyReissued, "The statement was reissued already.", outcome.Detail!),
            ReissueResult.Busy => new ProblemResult(StatusCodes.Status409Conflict, ProblemTypes.StatementBusy, "The creator's statements are busy.", outcome.Detail!),
            ReissueResult.Blocked => new ProblemResult(StatusCodes.Status409Conflict, ProblemTypes.ReissueBlocked, "The new version cannot be computed.", string.Join("; ", outcome.Reasons ?? [])),
            _ => BytesResult.Json(w =>
            {
                var header = outcome.Header!;
                w.WriteStartObject();
                w.WriteString("statementId", header.Id.ToString());
                w.WriteNumber("supersedes", header.Supersedes ?? 0);
                w.WriteString("payable", header.Amount(header.Totals.Payable).ToAmountString());
                w.WriteString("payableDifference", header.Amount(header.PayableDifference ?? 0).ToAmountString());
                w.WriteString("currency", header.Currency.Code);
                StatementAuditJson.Write(w, header);
                w.WriteEndObject();
            }),
        };
    }

    public async Task<IActionResult> VoidAsync(HttpRequest request, string kindText, string partnerId, string recordId, CancellationToken ct)
    {
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        var kind = RecordRoute(kindText, partnerId, recordId, body.Errors);
        var reason = ReasonOf(body, "why the record must not count");

        if (!body.Errors.IsEmpty)
        {
            return ProblemResult.BadRequest("The void is not valid.", body.Errors.ToDictionary());
        }

        var voided = await voider.VoidAsync(kind!.Value, partnerId, recordId, reason!, caller.Of(request), ct);
        return voided.Result switch
        {
            VoidResult.NotFound => new ProblemResult(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such record.", $"No {kindText} record {recordId} from {partnerId} was ever accepted."),
            VoidResult.NotVoidable => new ProblemResult(StatusCodes.Status409Conflict, ProblemTypes.NotVoidable, "The record cannot be voided.", voided.Detail!),
            _ => BytesResult.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("result", voided.Result == VoidResult.Voided ? "voided" : "alreadyVoided");
                w.WriteString("creatorId", voided.CreatorId);
                w.WriteString("recordPeriod", voided.RecordPeriod?.ToString());
                w.WriteStartArray("rebuilding");
                foreach (var period in voided.Rebuilt)
                {
                    w.WriteStringValue(period.ToString());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }),
        };
    }

    /// <summary>A stored record's identity and state (stored or voided, with who voided it, when and why): no payload.</summary>
    public async Task<IActionResult> GetRecordAsync(string kindText, string partnerId, string recordId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = RecordRoute(kindText, partnerId, recordId, errors);
        if (!errors.IsEmpty)
        {
            return ProblemResult.BadRequest("The record address is not valid.", errors.ToDictionary());
        }

        if (await audits.GetAsync(kind!.Value, partnerId, recordId, ct) is not { } audit)
        {
            return new ProblemResult(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such record.", $"No {kindText} record {recordId} from {partnerId} was ever accepted.");
        }

        return BytesResult.Json(w => RecordAuditJson.Write(w, kindText, audit));
    }

    /// <summary>The record a route names: <c>{kind}/{partnerId}/{recordId}</c>, each part checked.</summary>
    private static RecordKind? RecordRoute(string kindText, string partnerId, string recordId, FieldErrors errors)
    {
        RecordKind? kind = kindText switch { "gifts" => RecordKind.Gift, "deals" => RecordKind.Deal, _ => null };
        if (kind is null)
        {
            errors.Add("kind", "must be gifts or deals");
        }

        if (!TextRules.IsIdentifier(partnerId))
        {
            errors.Add("partnerId", $"may only contain {TextRules.IdentifierAlphabet}");
        }

        if (!TextRules.IsIdentifier(recordId))
        {
            errors.Add("recordId", $"may only contain {TextRules.IdentifierAlphabet}");
        }

        return kind;
    }

    private static string? ReasonOf(AdminBody body, string what)
    {
        var reason = body.String("reason")?.Trim();
        if (reason is { Length: 0 } || reason is { Length: > AdminCaller.MaxReasonLength })
        {
            body.Errors.Add("reason", $"must be 1 to {AdminCaller.MaxReasonLength} characters: {what}");
        }

        return reason;
    }
}
