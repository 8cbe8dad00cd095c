using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payouts.Application.PayoutBatches;
using Payouts.Application.Statements;
using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Periods;
using Payouts.Functions.Http;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Admin;

/// <summary>
/// A closed period's payout batch for the finance team: a JSON summary, the CSV (masked accounts), or the pain.001
/// credit-transfer file (the one document with IBANs and names in clear), by <c>?format=</c> or Accept; the latest
/// version, or an earlier one with <c>?version=</c>. A period still pending is a 409 that says what it waits for.
/// </summary>
public sealed partial class PayoutBatchHandler(PayoutBatchService batches, PeriodCalendar calendar, IOptions<PayoutsOptions> options, ILogger<PayoutBatchHandler> logger)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, string periodText, CancellationToken ct)
    {
        if (PeriodRoute.Parse(periodText, calendar) is not { } period)
        {
            return PeriodRoute.Bad(periodText, calendar);
        }

        var versionText = request.Query["version"].ToString();
        int? version = null;
        if (versionText.Length > 0)
        {
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1)
            {
                return ProblemResult.BadRequest("?version= must be a batch version: 1, 2, …");
            }

            version = asked;
        }

        var format = FormatOf(request);
        if (format is null)
        {
            return ProblemResult.BadRequest("?format= must be json, csv or xml.");
        }

        var outcome = await batches.GetAsync(period, version, ct);
        return outcome.Result switch
        {
            PayoutBatchResult.Pending => new ProblemResult(
                StatusCodes.Status409Conflict, ProblemTypes.PayoutBatchPending, "The payout batch is not ready.", string.Join(" ", outcome.Pending!)),
            PayoutBatchResult.NotFound => new ProblemResult(
                StatusCodes.Status404NotFound, "not-found", "No such payout batch version.",
                outcome.LatestVersion == 0 ? $"{period} has no payout batch yet: GET it without ?version= once the period is closed." : $"{period} has batch versions 1 to {outcome.LatestVersion}."),
            _ => Render(outcome.Batch!, outcome.LatestVersion, format),
        };
    }

    private IActionResult Render(PayoutBatch batch, int latestVersion, string format)
    {
        switch (format)
        {
            case "csv":
                return new BytesResult(StatusCodes.Status200OK, StatementFormats.ContentTypes["csv"], PayoutBatchCsv.ToUtf8(batch));
            case "xml":
                if (options.Value.Debtor.ToDebtor() is not { } debtor)
                {
                    return new ProblemResult(
                        StatusCodes.Status409Conflict, ProblemTypes.DebtorNotConfigured, "No debtor account is configured.",
                        "Set Payouts:Debtor:Name, Payouts:Debtor:Iban and Payouts:Debtor:Bic (the platform's account) to produce the pain.001 file.");
                }

                if (batch.Transfers.Count == 0)
                {
                    return new ProblemResult(
                        StatusCodes.Status409Conflict, ProblemTypes.NoTransfers, "Nothing to pay by SEPA credit transfer.",
                        $"None of the {batch.Rows.Count} rows of {batch.Period} v{batch.Version} is a EUR payout to a SEPA IBAN: the JSON summary lists why.");
                }

                LogTransferFile(logger, batch.Period, batch.Version, batch.Transfers.Count, batch.TransferTotal.MinorUnits);
                return new BytesResult(StatusCodes.Status200OK, CreditTransferXml.ContentType, CreditTransferXml.ToUtf8(batch, debtor));
            default:
                return BytesResult.Json(w =>
                {
                    w.WriteStartObject();
                    PayoutBatchJson.WriteProperties(w, batch);
                    w.WriteNumber("latestVersion", latestVersion);
                    w.WriteEndObject();
                });
        }
    }

    /// <summary>?format= wins; else Accept: XML, then CSV, else JSON. Null: an unknown ?format=.</summary>
    private static string? FormatOf(HttpRequest request)
    {
        var asked = request.Query["format"].ToString();
        if (asked.Length > 0)
        {
            return asked is "json" or "csv" or "xml" ? asked : null;
        }

        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/xml", StringComparison.OrdinalIgnoreCase) || accept.Contains("text/xml", StringComparison.OrdinalIgnoreCase) ? "xml"
            : accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ? "csv"
            : "json";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payout batch {Period} version {Version}: credit-transfer file served with {Transfers} transfers, control sum {ControlSumMinor} minor units")]
    private static partial void LogTransferFile(ILogger logger, PeriodKey period, int version, int transfers, long controlSumMinor);
}
