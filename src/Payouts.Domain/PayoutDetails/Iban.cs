using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Payouts.Domain.PayoutDetails;

/// <summary>
/// An International Bank Account Number that passed ISO 13616: a known country, that country's length and the mod-97
/// check. Held in electronic form (no spaces, upper case). It is personal data: <see cref="ToString"/> gives the masked
/// form, so an IBAN that ends up in a log or a message by mistake shows only its country, check digits and last four.
/// </summary>
public sealed class Iban : IEquatable<Iban>
{
    public const int MinLength = 15;
    public const int MaxLength = 34;
    private const int KeptAtEnd = 4;

    private Iban(string electronic) => Electronic = electronic;

    /// <summary>The IBAN as banks exchange it (no spaces): only for the transfer file and encrypted storage.</summary>
    public string Electronic { get; }

    public string CountryCode => Electronic[..2];

    /// <summary>Whether a SEPA credit transfer can reach it.</summary>
    public bool IsSepa => IbanCountries.IsSepa(CountryCode);

    /// <summary>Groups of four, everything but the country, the check digits and the last four characters hidden: "FR76 **** **** **** **** ***0 189".</summary>
    public string Masked
    {
        get
        {
            var masked = new StringBuilder(Electronic.Length + (Electronic.Length / 4));
            for (var i = 0; i < Electronic.Length; i++)
            {
                if (i > 0 && i % 4 == 0)
                {
                    masked.Append(' ');
                }

                masked.Append(i < 4 || i >= Electronic.Length - KeptAtEnd ? Electronic[i] : '*');
            }

            return masked.ToString();
        }
    }

    /// <summary>
    /// Reads an IBAN as people type it: spaces anywhere, any case. <paramref name="problem"/> says what is wrong without
    /// repeating the number (it would land in an error response and perhaps a log).
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Iban? iban, out string problem)
    {
        iban = null;
        var electronic = Normalise(text ?? string.Empty);
        problem = ProblemOf(electronic) ?? string.Empty;
        if (problem.Length > 0)
        {
            return false;
        }

        iban = new Iban(electronic);
        return true;
    }

    public static Iban Parse(string text) =>
        TryParse(text, out var iban, out var problem) ? iban : throw new FormatException($"Not a valid IBAN: {problem}.");

    public bool Equals(Iban? other) => other is not null && string.Equals(Electronic, other.Electronic, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Iban other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Electronic);

    public override string ToString() => Masked;

    private static string Normalise(string text)
    {
        var electronic = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                electronic.Append(char.ToUpperInvariant(c));
            }
        }

        return electronic.ToString();
    }

    private static string? ProblemOf(string electronic)
    {
        if (electronic.Length == 0)
        {
            return "is required";
        }

        if (!electronic.All(char.IsAsciiLetterOrDigit))
        {
            return "may only contain letters, digits and spaces";
        }

        if (electronic.Length < 4 || !char.IsAsciiLetter(electronic[0]) || !char.IsAsciiLetter(electronic[1]) || !char.IsAsciiDigit(electronic[2]) || !char.IsAsciiDigit(electronic[3]))
        {
            return "must start with a two-letter country code and two check digits";
        }

        if (!IbanCountries.TryGetLength(electronic[..2], out var length))
        {
            return $"country {electronic[..2]} has no IBAN format";
        }

        if (electronic.Length != length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"a {electronic[..2]} IBAN has {length} characters, not {electronic.Length}");
        }

        // Check digits are 02..98 (ISO 7064); 00, 01 and 99 are never issued though 99 ≡ 02 and 00 ≡ 97 pass mod-97.
        var check = int.Parse(electronic.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        return check is < 2 or > 98 || Mod97(electronic) != 1
            ? "fails the ISO 13616 check (mod 97): a character is mistyped or swapped"
            : null;
    }

    /// <summary>The BBAN, then the country and check digits, letters as 10..35, modulo 97, digit by digit.</summary>
    private static int Mod97(string electronic)
    {
        var remainder = 0;
        foreach (var c in electronic[4..] + electronic[..4])
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
