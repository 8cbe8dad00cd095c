using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Payouts.Domain.PayoutDetails;

/// <summary>
/// The name on the account, as the creator's bank knows it: printable text of at most <see cref="MaxLength"/>
/// characters (the SEPA limit), runs of spaces collapsed. Personal data: <see cref="ToString"/> gives the masked form.
/// </summary>
public sealed class AccountHolderName : IEquatable<AccountHolderName>
{
    public const int MaxLength = 70;

    private AccountHolderName(string value) => Value = value;

    /// <summary>The name in clear: only for the transfer file and encrypted storage.</summary>
    public string Value { get; }

    /// <summary>The first letter of each word, the rest hidden: "Léa Martin" → "L** M*****".</summary>
    public string Masked
    {
        get
        {
            var masked = new StringBuilder(Value.Length);
            var wordStart = true;
            foreach (var element in TextElements(Value))
            {
                var isSpace = element == " ";
                masked.Append(isSpace || wordStart ? element : "*");
                wordStart = isSpace;
            }

            return masked.ToString();
        }
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out AccountHolderName? name, out string problem)
    {
        name = null;
        var value = CollapseSpaces(text ?? string.Empty);
        problem = value.Length == 0 ? "is required"
            : value.Length > MaxLength ? $"must be at most {MaxLength} characters"
            : !IsPrintable(value) ? "must be printable text: no control, formatting or private-use characters"
            : string.Empty;
        if (problem.Length > 0)
        {
            return false;
        }

        name = new AccountHolderName(value);
        return true;
    }

    public static AccountHolderName Parse(string text) =>
        TryParse(text, out var name, out var problem) ? name : throw new FormatException($"Not a valid account holder name: {problem}.");

    public bool Equals(AccountHolderName? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is AccountHolderName other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Masked;

    private static string CollapseSpaces(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var space = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;
            if (!space || collapsed.Length == 0 || collapsed[^1] != ' ')
            {
                collapsed.Append(space ? ' ' : c);
            }
        }

        return collapsed.ToString();
    }

    /// <summary>Letters, marks, digits, punctuation, symbols and single spaces; surrogates only in pairs.</summary>
    private static bool IsPrintable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(value, i) is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                {
                    return false;
                }

                i++;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(value[i]) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> TextElements(string value)
    {
        var elements = StringInfo.GetTextElementEnumerator(value);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }
}
