using System.Text;
using System.Text.Json;
using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.Records.Wire;

/// <summary>
/// Parses a batch body without trusting it: bounded depth, bounded record count, the envelope's shape checked before
/// any record is read. Individual records are validated later, one by one, so one bad record never sinks the batch.
/// </summary>
public static class IngestEnvelopeParser
{
    public const int MaxRecords = 1000;

    /// <summary>Records are flat objects; anything nested deeper is not a record.</summary>
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    public static EnvelopeParseResult Parse(ReadOnlyMemory<byte> body, EnvelopeFormat format) =>
        format == EnvelopeFormat.NdJson ? ParseNdJson(body) : ParseJson(body);

    /// <summary>
    /// The top-level <c>partnerId</c> of a JSON body, read with a forward-only reader that builds nothing (other values
    /// are skipped), so the signature can be checked before the body is parsed. Null when the body is not a JSON
    /// object holding a string partnerId.
    /// </summary>
    public static string? ScanPartnerId(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body.StartsWith("\uFEFF"u8) ? body[3..] : body, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPartner = reader.ValueTextEquals("partnerId"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isPartner)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or text that is not UTF-8: no partner to check a signature for.
        }

        return null;
    }

    private static EnvelopeParseResult ParseJson(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            return EnvelopeParseResult.Refused(body.Length == 0 ? "The body is not valid JSON: it is empty; send a JSON object or NDJSON lines." : $"The body is not valid JSON{JsonText.WhereFailed(ex)}.");
        }

        var root = document.RootElement;
        string? problem = null;
        string? field = null;
        string? partnerId = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            (problem, field) = ("The body must be a JSON object { \"partnerId\": ..., \"records\": [...] }.", null);
        }
        else if (MalformedName(root) is { } nameProblem)
        {
            (problem, field) = (nameProblem, null);
        }
        else if (!root.TryGetProperty("partnerId", out var partner) || partner.ValueKind != JsonValueKind.String)
        {
            (problem, field) = ("partnerId is required and must be a string.", "partnerId");
        }
        else if (!JsonText.TryGetString(partner, out partnerId))
        {
            (problem, field) = ($"partnerId {JsonText.Problem}.", "partnerId");
        }
        else if (TextRules.IdentifierProblem(partnerId!) is { } idProblem)
        {
            (problem, field) = ($"partnerId {idProblem}.", "partnerId");
        }
        else if (!root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            (problem, field) = ("records is required and must be an array.", "records");
        }
        else if (CountProblem(records.GetArrayLength()) is { } countProblem)
        {
            (problem, field) = (countProblem, "records");
        }
        else
        {
            return new EnvelopeParseResult(new IngestEnvelope(partnerId, records.EnumerateArray().ToArray(), [document]), null);
        }

        document.Dispose();
        var claimed = field == "partnerId" ? null : partnerId;
        return EnvelopeParseResult.Refused(problem, field, claimed);
    }

    private static EnvelopeParseResult ParseNdJson(ReadOnlyMemory<byte> body)
    {
        var documents = new List<JsonDocument>();
        var lineNumber = 0;
        try
        {
            foreach (var (number, line) in Lines(body))
            {
                lineNumber = number;
                if (documents.Count == MaxRecords)
                {
                    throw new InvalidDataException(CountProblem(MaxRecords + 1));
                }

                documents.Add(JsonDocument.Parse(line, Options));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            documents.ForEach(d => d.Dispose());
            return EnvelopeParseResult.Refused(ex is JsonException json ? $"Line {lineNumber} is not valid JSON{JsonText.WhereFailed(json, oneLine: true)}." : ex.Message);
        }

        if (CountProblem(documents.Count) is { } problem)
        {
            return EnvelopeParseResult.Refused(problem, "records");
        }

        return new EnvelopeParseResult(new IngestEnvelope(null, documents.Select(d => d.RootElement).ToArray(), documents), null);
    }

    /// <summary>
    /// Looking a property up compares names, and comparing an escaped name that is not text throws; so the envelope's own
    /// names are checked first (the records' names are checked record by record).
    /// </summary>
    private static string? MalformedName(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!JsonText.TryGetName(property, out var name))
            {
                return $"The body has a property name that {JsonText.Problem}.";
            }

            // The envelope's own values too (records are checked field by field, with per-record errors).
            if (name is not ("records" or "partnerId") && JsonText.FirstMalformed(property.Value, $"$.{name}") is { } path)
            {
                return $"The text at {path} {JsonText.Problem}.";
            }
        }

        return null;
    }

    private static string? CountProblem(int count) =>
        count == 0 ? "The batch holds no records."
        : count > MaxRecords ? $"A batch holds at most {MaxRecords} records; split it."
        : null;

    /// <summary>The non-blank lines with their 1-based physical line numbers, so an error names the line the partner sees.</summary>
    private static IEnumerable<(int Number, ReadOnlyMemory<byte> Line)> Lines(ReadOnlyMemory<byte> body)
    {
        var start = 0;
        var number = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i == body.Length || body.Span[i] == (byte)'\n')
            {
                var line = body[start..i];
                start = i + 1;
                number++;
                if (!IsBlank(line.Span))
                {
                    yield return (number, line);
                }
            }
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line).Trim().Length == 0;
}
