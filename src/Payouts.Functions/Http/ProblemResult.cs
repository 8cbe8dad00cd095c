using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Payouts.Functions.Http;

/// <summary>
/// An RFC 9457 <c>application/problem+json</c> response: type, title, status, detail and, for validation, errors
/// (field → messages). Written straight to the response, with no MVC machinery, so any host can execute it.
/// </summary>
public sealed class ProblemResult(int status, string slug, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null, int? retryAfterSeconds = null) : IActionResult
{
    public const string ContentType = "application/problem+json";

    public int Status => status;

    public string Type => ProblemTypes.Prefix + slug;

    public string Title => title;

    public string Detail => detail;

    public IReadOnlyDictionary<string, string[]>? Errors => errors;

    public static ProblemResult BadRequest(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.InvalidRequest, "The request is not valid.", detail, errors);

    public static ProblemResult Unauthorized(string detail) => new(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Authentication failed.", detail);

    public static ProblemResult Forbidden(string detail) => new(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Not allowed.", detail);

    public static ProblemResult TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, ProblemTypes.TooLarge, "The request body is too large.", detail);

    public static ProblemResult UnsupportedMediaType(string detail) => new(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type.", detail);

    public static ProblemResult Unavailable(string detail) => new(StatusCodes.Status503ServiceUnavailable, ProblemTypes.Unavailable, "Temporarily unavailable.", detail, retryAfterSeconds: 5);

    public static ProblemResult TooManyRequests(string detail, int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited, "Too many requests.", detail, retryAfterSeconds: retryAfterSeconds);

    /// <summary>Seconds the client should wait before trying again (the <c>Retry-After</c> header), when the answer says.</summary>
    public int? RetryAfterSeconds => retryAfterSeconds;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.ContentType = ContentType;
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        // A stable URN per problem kind (ProblemTypes); docs/openapi.yaml documents each.
        writer.WriteString("type", Type);
        writer.WriteString("title", title);
        writer.WriteNumber("status", status);
        writer.WriteString("detail", detail);
        if (errors is not null)
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
}
