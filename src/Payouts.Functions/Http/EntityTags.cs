namespace Payouts.Functions.Http;

/// <summary>Conditional GETs: strong entity tags and the <c>If-None-Match</c> comparison of RFC 9110 §13.1.2.</summary>
public static class EntityTags
{
    /// <summary>A strong entity tag of <paramref name="opaque"/> (which must not hold a double quote).</summary>
    public static string Strong(string opaque) => $"\"{opaque}\"";

    /// <summary>
    /// Whether an <c>If-None-Match</c> header value matches <paramref name="etag"/>: <c>*</c>, or any listed tag equal
    /// to it by the weak comparison (a <c>W/</c> prefix is ignored), as a GET's 304 requires.
    /// </summary>
    public static bool NoneMatchHits(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (candidate == "*" || string.Equals(candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate, etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
