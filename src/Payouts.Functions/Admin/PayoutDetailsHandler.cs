using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Records.Validation;
using Payouts.Functions.Http;
using Payouts.Storage.PayoutDetails;

namespace Payouts.Functions.Admin;

/// <summary>
/// A creator's payout details: set (validated, stored encrypted) and read back masked. The IBAN and the holder's name
/// are personal data: no response, problem or log line carries them in clear.
/// </summary>
public sealed partial class PayoutDetailsHandler(PayoutDetailsStore store, IClock clock, AdminCaller caller, ILogger<PayoutDetailsHandler> logger)
{
    public async Task<IActionResult> PutAsync(HttpRequest request, string creatorId, CancellationToken ct)
    {
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        var details = PayoutDetailsReader.Read(
            creatorId, body.String("iban", required: false), body.String("bic", required: false), body.String("accountHolder", required: false), body.String("method", required: false), body.Errors);
        if (details is null)
        {
            return ProblemResult.BadRequest("The payout details are not valid.", body.Errors.ToDictionary());
        }

        var stored = new StoredPayoutDetails(details, clock.GetCurrentInstant(), caller.Of(request));
        await store.PutAsync(stored.Details, stored.UpdatedBy, stored.UpdatedAt, ct);
        LogSet(logger, creatorId, details.Method, details.Iban is not null);
        return Masked(stored);
    }

    public async Task<IActionResult> GetAsync(string creatorId, CancellationToken ct)
    {
        if (!TextRules.IsIdentifier(creatorId))
        {
            return ProblemResult.BadRequest($"creatorId may only contain {TextRules.IdentifierAlphabet}.");
        }

        return await store.GetAsync(creatorId, ct) is { } stored
            ? Masked(stored)
            : new ProblemResult(StatusCodes.Status404NotFound, "not-found", "No payout details.", $"{creatorId} has no payout details: PUT them to /api/creators/{creatorId}/payout-details.");
    }

    private static BytesResult Masked(StoredPayoutDetails stored) => BytesResult.Json(w =>
    {
        var details = stored.Details;
        w.WriteStartObject();
        w.WriteString("creatorId", details.CreatorId);
        w.WriteString("method", PayoutMethodNames.Of(details.Method));
        if (details.Iban is { } iban)
        {
            w.WriteString("ibanMasked", iban.Masked);
            w.WriteBoolean("sepaReachable", iban.IsSepa);
        }

        if (details.Bic is { } bic)
        {
            w.WriteString("bic", bic.Value);
        }

        w.WriteString("accountHolderMasked", details.Holder.Masked);
        w.WriteString("updatedAt", stored.UpdatedAt.ToString());
        w.WriteString("updatedBy", stored.UpdatedBy);
        w.WriteEndObject();
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Payout details of {CreatorId} set: method {Method}, IBAN given {HasIban}")]
    private static partial void LogSet(ILogger logger, string creatorId, PayoutMethod method, bool hasIban);
}
