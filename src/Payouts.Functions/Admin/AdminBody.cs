using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NodaTime.Text;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Records.Wire;

namespace Payouts.Functions.Admin;

/// <summary>Reads an admin JSON body field by field, collecting every problem for one 400 answer.</summary>
internal sealed class AdminBody : IDisposable
{
    public const int MaxBytes = 64 * 1024;
    private readonly JsonDocument? _document;

    private AdminBody(JsonDocument? document, Http.ProblemResult? refusal)
    {
        _document = document;
        Refusal = refusal;
    }

    public FieldErrors Errors { get; } = new();

    /// <summary>Why the body cannot be read at all (413 too large, 400 not a JSON object); null when fields can be read.</summary>
    public Http.ProblemResult? Refusal { get; }

    public static async Task<AdminBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        // Counted while read: a body over the bound is refused without being held whole, whatever its length header says.
        if (request.ContentLength > MaxBytes || await Http.BoundedBody.ReadAsync(request.Body, MaxBytes, ct) is not { } body)
        {
            return new AdminBody(null, Http.ProblemResult.TooLarge($"An admin body is at most {MaxBytes / 1024} KiB."));
        }

        try
        {
            var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var problem = document.RootElement.ValueKind != JsonValueKind.Object ? "The body must be a JSON object."
                : JsonText.FirstMalformed(document.RootElement, "$") is { } path ? $"The text at {path} {JsonText.Problem}."
                : null;
            if (problem is not null)
            {
                document.Dispose();
                return new AdminBody(null, Http.ProblemResult.BadRequest(problem));
            }

            return new AdminBody(document, null);
        }
        catch (JsonException ex)
        {
            return new AdminBody(null, Http.ProblemResult.BadRequest($"The body is not valid JSON{JsonText.WhereFailed(ex)}: send one JSON object."));
        }
    }

    public string? String(string name, bool required = true)
    {
        if (_document!.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            if (!JsonText.TryGetString(value, out var text) || text is null)
            {
                return null;
            }

            // No admin field means a control character, and number and date parsers would skip a trailing NUL.
            if (JsonText.HasControlCharacter(text))
            {
                Errors.Add(name, "must not contain control characters (tab and line breaks aside)");
                return null;
            }

            return text;
        }

        if (required || (_document.RootElement.TryGetProperty(name, out var other) && other.ValueKind != JsonValueKind.Null))
        {
            Errors.Add(name, "is required and must be a string");
        }

        return null;
    }

    public string? Identifier(string name, bool required = true)
    {
        var text = String(name, required);
        if (text is not null && !TextRules.IsIdentifier(text))
        {
            Errors.Add(name, $"may only contain {TextRules.IdentifierAlphabet}");
            return null;
        }

        return text;
    }

    public decimal? Decimal(string name, decimal min, decimal max, bool required = true)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Errors.Add(name, $"must be a decimal string between {min} and {max}");
            return null;
        }

        return value;
    }

    public NodaTime.LocalDate? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            Errors.Add(name, "must be a date, yyyy-MM-dd");
            return null;
        }

        return parsed.Value;
    }

    public void Dispose() => _document?.Dispose();
}
