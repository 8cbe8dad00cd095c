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

    public static string? IdentifierProblem(string value) =>
        value.Length == 0 ? "must not be empty"
        : value.Length > MaxIdentifierLength ? $"must be at most {MaxIdentifierLength} characters"
        : !IsIdentifier(value) ? $"may only contain {IdentifierAlphabet}"
        : null;

    public static string? FreeTextProblem(string value) =>
        value.Length > MaxFreeTextLength ? $"must be at most {MaxFreeTextLength} characters"
        : value.Any(char.IsControl) ? "must not contain control characters"
        : value.Trim().Length == 0 ? "must not be blank"
        : null;

    private static bool IsIdentifierChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':' or '@';
}
