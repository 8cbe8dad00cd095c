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

    private static bool IsIdentifierChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':' or '@';
}
