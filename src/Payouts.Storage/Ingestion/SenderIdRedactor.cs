using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Payouts.Domain.Records;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Keeps viewer ids out of the IngestRejected table: every <c>senderId</c> value in a kept payload (any depth, any
/// letter case, escaped names too) is replaced by the keyed hash stored records carry, so an operator can still match a
/// rejected record to stored ones, and a value that is not a readable string becomes <c>"[redacted]"</c>. The rest of
/// the text is kept as sent. Text that is not JSON at all is redacted by pattern, best effort: no "senderId" value in
/// it survives in clear.
/// </summary>
public sealed partial class SenderIdRedactor(SenderIdHasher hasher)
{
    public const string FieldName = "senderId";
    public const string Redacted = "[redacted]";
    public const string Withheld = "[payload withheld: it could not be searched for sender ids]";

    public string Redact(string rawText)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        if (rawText.IndexOf(FieldName, StringComparison.OrdinalIgnoreCase) < 0 && !rawText.Contains('\\', StringComparison.Ordinal))
        {
            return rawText; // No name spelled plainly, none escaped: nothing to find.
        }

        var utf8 = Encoding.UTF8.GetBytes(rawText);
        try
        {
            return TryRedactJson(utf8, out var redacted) ? redacted : RedactByPattern(rawText);
        }
        catch (RegexMatchTimeoutException)
        {
            return Withheld; // Better no payload than a viewer id in clear.
        }
    }

    /// <summary>Walks the JSON tokens and replaces each senderId value where it stands; false when the text is not JSON.</summary>
    private bool TryRedactJson(byte[] utf8, out string redacted)
    {
        var replacements = new List<(long Start, long End, string Value)>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || !IsSenderName(ref reader) || !reader.Read())
                {
                    continue;
                }

                var start = reader.TokenStartIndex;
                var value = reader.TokenType == JsonTokenType.String ? HashOf(ref reader) : Redacted;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                replacements.Add((start, reader.BytesConsumed, value));
            }
        }
        catch (JsonException)
        {
            redacted = string.Empty;
            return false;
        }

        redacted = replacements.Count == 0 ? Encoding.UTF8.GetString(utf8) : Rebuild(utf8, replacements);
        return true;
    }

    private static bool IsSenderName(ref Utf8JsonReader reader)
    {
        try
        {
            return string.Equals(reader.GetString(), FieldName, StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidOperationException)
        {
            return false; // A name that is not text is not "senderId".
        }
    }

    private string HashOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() is { Length: > 0 } sender ? hasher.Hash(sender) : Redacted;
        }
        catch (InvalidOperationException)
        {
            return Redacted;
        }
    }

    private static string Rebuild(byte[] utf8, List<(long Start, long End, string Value)> replacements)
    {
        var output = new StringBuilder(utf8.Length);
        var at = 0;
        foreach (var (start, end, value) in replacements)
        {
            output.Append(Encoding.UTF8.GetString(utf8, at, (int)start - at)).Append('"').Append(value).Append('"');
            at = (int)end;
        }

        return output.Append(Encoding.UTF8.GetString(utf8, at, utf8.Length - at)).ToString();
    }

    /// <summary>For text that is not JSON (truncated, broken): any "senderId" : value, string or bare, is replaced.</summary>
    private string RedactByPattern(string rawText) =>
        SenderPattern().Replace(rawText, match =>
        {
            var value = match.Groups["value"].Value;
            var replacement = Redacted;
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                try
                {
                    replacement = JsonSerializer.Deserialize<string>(value) is { Length: > 0 } sender ? hasher.Hash(sender) : Redacted;
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
                {
                    replacement = Redacted;
                }
            }

            return $"{match.Groups["name"].Value}\"{replacement}\"";
        });

    [GeneratedRegex("""(?<name>"senderId"\s*:\s*)(?<value>"(?:[^"\\]|\\.)*"|"(?:[^"\\]|\\.)*\\?$|[^,}\]\s]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SenderPattern();
}
