using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Periods;
using Payouts.Functions.Http;

namespace Payouts.Functions.Health;

/// <summary>
/// <c>/api/health</c> for the platform's health check: <c>{"status":"healthy","warnings":n}</c>, 503 with
/// <c>"unhealthy"</c> only when storage or a queue is not there; nothing else, from a report at most a few seconds old.
/// <c>/api/health/details</c> for on-call: every check with its detail and warnings, from a fresh round.
/// </summary>
public sealed class HealthHandler(HealthReportCache reports, PeriodCalendar calendar)
{
    public async Task<IActionResult> CheckAsync(CancellationToken ct)
    {
        var report = await reports.GetAsync(ct);
        return BytesResult.Json(
            w =>
            {
                w.WriteStartObject();
                w.WriteString("status", StatusOf(report));
                w.WriteNumber("warnings", report.Warnings);
                w.WriteEndObject();
            },
            StatusCodeOf(report));
    }

    public async Task<IActionResult> DetailsAsync(CancellationToken ct)
    {
        var report = await reports.RefreshAsync(ct);
        return BytesResult.Json(w => WriteDetails(w, report), StatusCodeOf(report));
    }

    private void WriteDetails(Utf8JsonWriter w, HealthReport report)
    {
        w.WriteStartObject();
        w.WriteString("status", StatusOf(report));
        w.WriteNumber("warnings", report.Warnings);
        w.WriteInstant("checkedAt", report.CheckedAt);
        w.WriteString("period", calendar.PeriodOf(report.CheckedAt).ToString());
        w.WriteStartObject("checks");
        foreach (var check in report.Checks)
        {
            w.WriteStartObject(check.Name);
            w.WriteString("status", check.Status switch
            {
                HealthStatus.Healthy => "healthy",
                HealthStatus.Warning => "warning",
                HealthStatus.NotChecked => "notChecked",
                _ => "unhealthy",
            });
            w.WriteString("detail", check.Detail);
            if (check.Warnings.Count > 0)
            {
                w.WriteStartArray("warnings");
                foreach (var warning in check.Warnings)
                {
                    w.WriteStringValue(warning);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string StatusOf(HealthReport report) => report.CanServe ? "healthy" : "unhealthy";

    private static int StatusCodeOf(HealthReport report) => report.CanServe ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
}
