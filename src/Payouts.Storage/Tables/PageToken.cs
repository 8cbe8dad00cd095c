using System.Buffers.Text;
using System.Text;

namespace Payouts.Storage.Tables;

/// <summary>
/// The continuation token of a listed page: where the next page starts, for one list only. Its text is base64url
/// (no padding) of <c>v1|{scope}|{last row key}</c>: opaque to callers, and checked on the way back in, so a token that
/// was not made for this list (another creator's, another list's, edited, truncated) is refused rather than read.
/// The next page is the rows after the key, so a row added meanwhile is seen once it sorts later, never twice.
/// </summary>
public static class PageToken
{
    public const int MaxLength = 1024;
    private const string Version = "v1";

    public static string Encode(string scope, string lastRowKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}{TableKeys.Separator}{scope}{TableKeys.Separator}{lastRowKey}"));

    /// <summary>The row key to continue after; false when <paramref name="token"/> is not a token of <paramref name="scope"/> whose key passes <paramref name="isRowKey"/>.</summary>
    public static bool TryDecode(string token, string scope, Func<string, bool> isRowKey, out string lastRowKey)
    {
        ArgumentNullException.ThrowIfNull(isRowKey);
        lastRowKey = string.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return false;
        }

        var prefix = $"{Version}{TableKeys.Separator}{scope}{TableKeys.Separator}";
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || !isRowKey(text[prefix.Length..]))
        {
            return false;
        }

        lastRowKey = text[prefix.Length..];
        return true;
    }
}
