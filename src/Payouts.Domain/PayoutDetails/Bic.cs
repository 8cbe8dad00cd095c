using System.Diagnostics.CodeAnalysis;

namespace Payouts.Domain.PayoutDetails;

/// <summary>
/// A business identifier code (ISO 9362): four alphanumerics for the institution, two letters for its country, two
/// alphanumerics for the location and, optionally, three for the branch. The pattern pain.001.001.09 requires.
/// </summary>
public sealed record Bic
{
    private Bic(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out Bic? bic, out string problem)
    {
        bic = null;
        var value = string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        problem = value.Length switch
        {
            0 => "is required",
            not (8 or 11) => "must be 8 or 11 characters",
            _ when !IsShaped(value) => "must be 4 letters or digits (institution), 2 letters (country), 2 letters or digits (location), and optionally 3 (branch)",
            _ => string.Empty,
        };
        if (problem.Length > 0)
        {
            return false;
        }

        bic = new Bic(value);
        return true;
    }

    public static Bic Parse(string text) => TryParse(text, out var bic, out var problem) ? bic : throw new FormatException($"Not a valid BIC: {problem}.");

    public override string ToString() => Value;

    private static bool IsShaped(string value) =>
        value.All(IsUpperAlphanumeric) && char.IsAsciiLetterUpper(value[4]) && char.IsAsciiLetterUpper(value[5]);

    private static bool IsUpperAlphanumeric(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
}
