using System.Text;
using System.Text.Json;

namespace Payouts.Domain.Tests.Records;

/// <summary>
/// JSON that parses but whose strings are not text: an invalid UTF-8 byte, or an escape of an unpaired surrogate.
/// Built as bytes, because a .NET string cannot carry an invalid UTF-8 byte.
/// </summary>
internal static class MalformedText
{
    /// <summary>Marker in a template that becomes the malformed text.</summary>
    public const string Marker = "@BAD@";

    /// <summary>(name, bytes that replace <see cref="Marker"/> inside a JSON string).</summary>
    public static TheoryData<string> Kinds => ["invalid byte ff", "truncated sequence", "overlong encoding", "lone high surrogate escape", "lone low surrogate escape", "reversed surrogate escapes"];

    public static byte[] Bytes(string kind) => kind switch
    {
        "invalid byte ff" => [(byte)'a', 0xFF, (byte)'b'],
        "truncated sequence" => [(byte)'a', 0xE2, 0x82],
        "overlong encoding" => [0xC0, 0xAF],
        "lone high surrogate escape" => Encoding.ASCII.GetBytes("x\\ud800y"),
        "lone low surrogate escape" => Encoding.ASCII.GetBytes("\\udc00"),
        "reversed surrogate escapes" => Encoding.ASCII.GetBytes("\\udc00\\ud800"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The template's UTF-8 bytes with <see cref="Marker"/> replaced by the malformed bytes of <paramref name="kind"/>.</summary>
    public static byte[] Json(string template, string kind)
    {
        var at = template.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException("The template has no marker.", nameof(template));
        }

        return [.. Encoding.UTF8.GetBytes(template[..at]), .. Bytes(kind), .. Encoding.UTF8.GetBytes(template[(at + Marker.Length)..])];
    }

    public static JsonElement Element(string template, string kind)
    {
        using var document = JsonDocument.Parse(Json(template, kind));
        return document.RootElement.Clone();
    }
}
