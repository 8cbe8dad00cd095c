using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Application.Statements;
using Payouts.Domain.Records.Validation;
using Payouts.Functions.Http;
using Payouts.Storage.Corrections;

namespace Payouts.Functions.Admin;

/// <summary>Corrections without rewriting: a void with a reason; the record itself never changes.</summary>
public sealed class CorrectionsHandler(RecordVoider voider)
{
    public async Task<IActionResult> VoidAsync(HttpRequest request, string kindText, string partnerId, string recordId, CancellationToken ct)
    {
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Problem is { } problem)
        {
            return ProblemResult.BadRequest(problem);
        }

        RecordKind? kind = kindText switch { "gifts" => RecordKind.Gift, "deals" => RecordKind.Deal, _ => null };
        if (kind is null)
        {
            body.Errors.Add("kind", "must be gifts or deals");
        }

        if (!TextRules.IsIdentifier(partnerId))
        {
            body.Errors.Add("partnerId", $"may only contain {TextRules.IdentifierAlphabet}");
        }

        if (!TextRules.IsIdentifier(recordId))
        {
            body.Errors.Add("recordId", $"may only contain {TextRules.IdentifierAlphabet}");
        }

        var reason = body.String("reason")?.Trim();
        if (reason is { Length: 0 } || reason is { Length: > AdminCaller.MaxReasonLength })
        {
            body.Errors.Add("reason", $"must be 1 to {AdminCaller.MaxReasonLength} characters: why the record must not count");
        }

        if (!body.Errors.IsEmpty)
        {
            return ProblemResult.BadRequest("The void is not valid.", body.Errors.ToDictionary());
        }

        var outcome = await voider.VoidAsync(kind!.Value, partnerId, recordId, reason!, AdminCaller.Of(request), ct);
        return outcome.Result switch
        {
            VoidResult.NotFound => new ProblemResult(StatusCodes.Status404NotFound, "not-found", "No such record.", $"No {kindText} record {recordId} from {partnerId} was ever accepted."),
            VoidResult.NotVoidable => new ProblemResult(StatusCodes.Status409Conflict, "not-voidable", "The record cannot be voided.", outcome.Detail!),
            _ => BytesResult.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("result", outcome.Result == VoidResult.Voided ? "voided" : "alreadyVoided");
                w.WriteString("creatorId", outcome.CreatorId);
                w.WriteString("recordPeriod", outcome.RecordPeriod?.ToString());
                w.WriteStartArray("rebuilding");
                foreach (var period in outcome.Rebuilt)
                {
                    w.WriteStringValue(period.ToString());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }),
        };
    }
}
