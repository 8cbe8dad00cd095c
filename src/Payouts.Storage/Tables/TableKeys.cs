using Payouts.Domain.Records.Validation;

namespace Payouts.Storage.Tables;

/// <summary>
/// Composes PartitionKey and RowKey values. Every part is an identifier already validated against
/// <see cref="TextRules"/> (no '/', '\', '#', '?', control characters; at most 128 characters), and '|' cannot occur
/// in one, so composed keys are unambiguous and always legal for Table storage.
/// </summary>
public static class TableKeys
{
    public const char Separator = '|';

    public static string Compose(params ReadOnlySpan<string> parts)
    {
        foreach (var part in parts)
        {
            if (!IsSafePart(part))
            {
                throw new ArgumentException($"'{part}' cannot be part of a table key.", nameof(parts));
            }
        }

        return string.Join(Separator, parts);
    }

    /// <summary>Identifiers, period keys and small numbers: nothing Table keys forbid, and never the separator.</summary>
    private static bool IsSafePart(string part) =>
        part.Length is > 0 and <= TextRules.MaxIdentifierLength && (TextRules.IsIdentifier(part) || part.All(char.IsAsciiLetterOrDigit));
}
