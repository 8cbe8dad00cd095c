namespace Payouts.Domain.Records.Validation;

/// <summary>
/// Shapes of the strings partners send. Identifiers end up in Table keys, blob paths, URLs and logs, so they are
/// restricted to a safe alphabet; free text is bounded and has no control characters.
/// </summary>
public static class TextRules
{
    public const int MaxIdentifierLength = 128;
    public const int MaxFreeTextLength = 256;
    public const string IdentifierAlphabet = "A–Z a–z 0–9 - _ . : @";
    public const int MaxDisplayNameLength = 100;

    public static bool IsIdentifier(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdentifierLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsIdentifierChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first thing wrong with an identifier, or null; see <see cref="IdentifierProblems"/> for all of them.</summary>
    public static string? IdentifierProblem(string value) => IdentifierProblems(value).FirstOrDefault();

    /// <summary>Everything wrong with an identifier, so a partner can fix it in one go.</summary>
    public static IEnumerable<string> IdentifierProblems(string value)
    {
        if (value.Length == 0)
        {
            yield return "must not be empty";
            yield break;
        }

        if (value.Length > MaxIdentifierLength)
        {
            yield return $"must be at most {MaxIdentifierLength} characters";
        }

        if (!value.All(IsIdentifierChar))
        {
            yield return $"may only contain {IdentifierAlphabet}";
        }
    }

    /// <summary>The first thing wrong with free text, or null; see <see cref="FreeTextProblems"/> for all of them.</summary>
    public static string? FreeTextProblem(string value) => FreeTextProblems(value).FirstOrDefault();

    /// <summary>Everything wrong with free text, so a partner can fix it in one go.</summary>
    public static IEnumerable<string> FreeTextProblems(string value)
    {
        if (value.Length > MaxFreeTextLength)
        {
            yield return $"must be at most {MaxFreeTextLength} characters";
        }

        if (value.Any(char.IsControl))
        {
            yield return "must not contain control characters";
        }
        else if (value.Trim().Length == 0)
        {
            yield return "must not be blank";
        }
    }

    /// <summary>
    /// Everything wrong with a creator's display name: it is printed on statements people read (HTML, PDF), so it is
    /// short, trimmed, and printable: no control or format characters (a bidi override could disguise it), no line
    /// separators, nothing private-use or unassigned.
    /// </summary>
    public static IEnumerable<string> DisplayNameProblems(string value)
    {
        if (value.Trim().Length == 0)
        {
            yield return "must not be blank";
            yield break;
        }

        if (value.Length > MaxDisplayNameLength)
        {
            yield return $"must be at most {MaxDisplayNameLength} characters";
        }

        if (value.Trim().Length != value.Length)
        {
            yield return "must not start or end with a space";
        }

        if (value.Any(c => !IsPrintable(c)))
        {
            yield return "must only contain printable characters (no control, format or line-separator characters)";
        }
    }

    private static bool IsPrintable(char c) => char.GetUnicodeCategory(c) switch
    {
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
            or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };

    private static bool IsIdentifierChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':' or '@';
}
