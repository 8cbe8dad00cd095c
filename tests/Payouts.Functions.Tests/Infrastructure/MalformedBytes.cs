using System.Text;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>
/// Bodies that are JSON but hold strings that are not text: an invalid UTF-8 byte, a cut-off sequence, or an escape of an
/// unpaired surrogate. Built as bytes (a .NET string cannot hold an invalid UTF-8 byte); "@BAD@" marks where they go.
/// </summary>
internal static class MalformedBytes
{
    public const string Marker = "@BAD@";

    public static TheoryData<string> Kinds => ["invalid byte ff", "truncated sequence", "lone high surrogate escape", "lone low surrogate escape"];

    /// <summary>Kinds that survive a plain-text queue message: escapes are ASCII, raw bytes need base64.</summary>
    public static bool IsEscape(string kind) => kind.EndsWith("escape", StringComparison.Ordinal);

    public static byte[] Json(string template, string kind)
    {
        var at = template.IndexOf(Marker, StringComparison.Ordinal);
        byte[] bad = kind switch
        {
            "invalid byte ff" => [(byte)'a', 0xFF, (byte)'b'],
            "truncated sequence" => [(byte)'a', 0xE2, 0x82],
            "lone high surrogate escape" => Encoding.ASCII.GetBytes("x\\ud800y"),
            "lone low surrogate escape" => Encoding.ASCII.GetBytes("\\udc00"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return [.. Encoding.UTF8.GetBytes(template[..at]), .. bad, .. Encoding.UTF8.GetBytes(template[(at + Marker.Length)..])];
    }
}
