using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Storage.Ingestion;

namespace Payouts.Functions.Http;

/// <summary>
/// 200 OK with every record's outcome in input order:
/// <c>{ "accepted": n, "duplicates": n, "rejected": n, "results": [ { "recordId", "status", "conflict"?, "errors"? } ] }</c>
/// (<c>conflict: true</c> on a rejection that is a conflict with stored data rather than an invalid record).
/// </summary>
public sealed class IngestResponseResult(IngestBatchResult result) : IActionResult
{
    public IngestBatchResult Result => result;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteNumber("accepted", result.Accepted);
        writer.WriteNumber("duplicates", result.Duplicates);
        writer.WriteNumber("rejected", result.Rejected);
        writer.WriteStartArray("results");
        foreach (var outcome in result.Results)
        {
            writer.WriteStartObject();
            if (outcome.RecordId is null)
            {
                writer.WriteNull("recordId");
            }
            else
            {
                writer.WriteString("recordId", outcome.RecordId);
            }

            writer.WriteString("status", outcome.Status.ToString().ToLowerInvariant());
            if (outcome.IsConflict)
            {
                writer.WriteBoolean("conflict", true);
            }

            if (outcome.Errors is { Count: > 0 } errors)
            {
                writer.WriteStartObject("errors");
                foreach (var (field, messages) in errors)
                {
                    writer.WriteStartArray(field);
                    foreach (var message in messages)
                    {
                        writer.WriteStringValue(message);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
