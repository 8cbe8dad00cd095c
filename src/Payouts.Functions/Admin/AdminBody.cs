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
    private const int MaxBytes = 64 * 1024;
    private readonly JsonDocument? _document;

    private AdminBody(JsonDocument? document, string? problem)
    {
        _document = document;
        Problem = problem;
    }

    public FieldErrors Errors { get; } = new();

    public string? Problem { get; }

    public static async Task<AdminBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return new AdminBody(null, "The body is too large.");
        }

        try
        {
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            var problem = document.RootElement.ValueKind != JsonValueKind.Object ? "The body must be a JSON object."
                : JsonText.FirstMalformed(document.RootElement, "$") is { } path ? $"The text at {path} {JsonText.Problem}."
                : null;
            if (problem is not null)
            {
                document.Dispose();
                return new AdminBody(null, problem);
            }

            return new AdminBody(document, null);
        }
        catch (JsonException ex)
        {
            return new AdminBody(null, $"The body is not valid JSON: {ex.Message}");
        }
    }

    public string? String(string name, bool required = true)
    {
        if (_document!.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return JsonText.TryGetString(value, out var text) ? text : null;
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
