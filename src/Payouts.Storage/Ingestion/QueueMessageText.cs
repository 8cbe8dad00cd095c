using System.Text;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Queue bodies arrive as plain JSON (today's SDKs send text as is) or base64-encoded JSON (older SDKs and the
/// Functions default). The host is set to <c>messageEncoding: none</c>, so both reach us and are told apart here:
/// a JSON envelope starts with '{'.
/// </summary>
public static class QueueMessageText
{
    public static byte[]? Decode(string message)
    {
        var trimmed = message.AsSpan().Trim();
        if (trimmed.Length > 0 && (trimmed[0] == '{' || trimmed[0] == '['))
        {
            return Encoding.UTF8.GetBytes(message);
        }

        var buffer = new byte[(trimmed.Length * 3 / 4) + 3];
        return Convert.TryFromBase64Chars(trimmed, buffer, out var written) ? buffer[..written] : null;
    }
}
