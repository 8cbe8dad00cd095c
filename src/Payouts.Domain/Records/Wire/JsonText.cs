using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Payouts.Domain.Records.Wire;

/// <summary>
/// Strings of a parsed JSON body that may not be text: invalid UTF-8 bytes, or escapes of unpaired surrogates such as
/// <c>"\ud800"</c>. The parser accepts both (it checks neither until a string is read); reading one throws, so every
/// read of partner or admin text goes through here and a malformed string becomes a field error, never a 500.
/// </summary>
public static class JsonText
{
    /// <summary>The field error for a string that is not text.</summary>
    public const string Problem = "must be valid UTF-8 text (no invalid bytes, no unpaired surrogate escapes such as \\ud800)";

    /// <summary>The decoded string of a JSON string element; false when it is not valid text.</summary>
    public static bool TryGetString(JsonElement element, out string? value)
    {
        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            // GetString throws this (and only this, for a string element) when the bytes or escapes are not text.
            value = null;
            return false;
        }
    }

    /// <summary>
    /// Where a JSON parse failed, as " at line L, byte B" (1-based; " at byte B" for a document known to be one line),
    /// without the parser's own wording.
    /// </summary>
    public static string WhereFailed(JsonException exception, bool oneLine = false)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var column = (exception.BytePositionInLine ?? 0) + 1;
        return exception.LineNumber is not { } line ? string.Empty
            : oneLine ? string.Create(culture, $" at byte {column}")
            : string.Create(culture, $" at line {line + 1}, byte {column}");
    }

    /// <summary>
    /// Whether the text holds a control character other than tab and line breaks. Number and date parsers skip a
    /// trailing NUL, and no free-text field means one: readers of those refuse it.
    /// </summary>
    public static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (c is (< ' ' and not ('\t' or '\n' or '\r')) or '\u007f')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The decoded name of a property; false when it is not valid text.</summary>
    public static bool TryGetName(JsonProperty property, out string? name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }

    /// <summary>True when every string and property name in <paramref name="element"/>, at any depth, is valid text.</summary>
    public static bool IsWellFormed(JsonElement element) => FirstMalformed(element, "$") is null;

    /// <summary>
    /// The JSON path ("$.records[2].brand") of the first string or property name that is not text, or null.
    /// A malformed property name is reported by its parent's path.
    /// </summary>
    public static string? FirstMalformed(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetString(element, out _) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstMalformed(item, $"{path}[{index++}]") is { } inItem)
                    {
                        return inItem;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryGetName(property, out var name))
                    {
                        return path;
                    }

                    if (FirstMalformed(property.Value, $"{path}.{name}") is { } inValue)
                    {
                        return inValue;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The element's JSON text as sent, safe to store and log: invalid UTF-8 bytes become U+FFFD (escapes stay as
    /// written, e.g. <c>\ud800</c>). <see cref="JsonElement.GetRawText"/> throws on such bytes instead.
    /// </summary>
    public static string RawText(JsonElement element) => Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element));

    /// <summary>
    /// A .NET string made safe to store: unpaired surrogates (a string can hold them, UTF-8 cannot) become U+FFFD,
    /// the same replacement UTF-8 encoding makes.
    /// </summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
    }
}
