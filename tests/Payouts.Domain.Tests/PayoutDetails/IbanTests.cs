using Payouts.Domain.PayoutDetails;

namespace Payouts.Domain.Tests.PayoutDetails;

public sealed class IbanTests
{
    /// <summary>Examples of the SWIFT IBAN registry: the shortest (NO), the longest of SEPA (MT), letters in the BBAN (FR, IT, GB, MT).</summary>
    public static TheoryData<string, string, bool> Valid => new()
    {
        { "DE89370400440532013000", "DE", true },
        { "GB29NWBK60161331926819", "GB", true },
        { "FR1420041010050500013M02606", "FR", true },
        { "FR7630006000011234567890189", "FR", true },
        { "NL91ABNA0417164300", "NL", true },
        { "BE68539007547034", "BE", true },
        { "IT60X0542811101000000123456", "IT", true },
        { "ES9121000418450200051332", "ES", true },
        { "NO9386011117947", "NO", true },
        { "MT84MALT011000012345MTLCAST001S", "MT", true },
        { "CH9300762011623852957", "CH", true },
        { "DE02120300000000202051", "DE", true },
        { "SA0380000000608010167519", "SA", false },
        { "LC55HEMM000100010012001200023015", "LC", false },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_RegistryExample_IsValidWithItsCountryAndSepaScope(string text, string country, bool sepa)
    {
        Assert.True(Iban.TryParse(text, out var iban, out var problem), problem);

        Assert.Equal(text, iban.Electronic);
        Assert.Equal(country, iban.CountryCode);
        Assert.Equal(sepa, iban.IsSepa);
    }

    [Theory]
    [InlineData("fr76 3000 6000 0112 3456 7890 189")]
    [InlineData("  FR76 3000 6000 0112 3456 7890 189  ")]
    [InlineData("Fr7630006000011234567890189")]
    [InlineData("FR76\t3000\u00a06000011234567890189")]
    public void TryParse_LowercaseAndSpaces_AreNormalisedToTheElectronicForm(string text)
    {
        Assert.True(Iban.TryParse(text, out var iban, out _));

        Assert.Equal("FR7630006000011234567890189", iban.Electronic);
        Assert.Equal(Iban.Parse("FR7630006000011234567890189"), iban);
    }

    [Theory]
    [InlineData("FR7730006000011234567890189")]   // check digits off by one
    [InlineData("FR7630006000011234567890198")]   // last two digits swapped
    [InlineData("DE89370400440532013001")]        // last digit mistyped
    [InlineData("GB29NWBK60161331926818")]
    [InlineData("DE99120300000000202051")]        // 99 ≡ 02 (mod 97): passes the sum, never issued
    [InlineData("DE00120300000000202051")]
    public void TryParse_WrongChecksum_FailsWithTheMod97Problem(string text)
    {
        Assert.False(Iban.TryParse(text, out var iban, out var problem));

        Assert.Null(iban);
        Assert.Contains("mod 97", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FR763000600001123456789018", "a FR IBAN has 27 characters, not 26")]
    [InlineData("DE8937040044053201300012", "a DE IBAN has 22 characters, not 24")]
    [InlineData("NO938601111794", "a NO IBAN has 15 characters, not 14")]
    public void TryParse_WrongLengthForTheCountry_SaysTheExpectedLength(string text, string expected)
    {
        Assert.False(Iban.TryParse(text, out _, out var problem));

        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("   ", "is required")]
    [InlineData("FR76-3000-6000-0112-3456-7890-189", "may only contain letters, digits and spaces")]
    [InlineData("FRÉ630006000011234567890189", "may only contain letters, digits and spaces")]
    [InlineData("7630006000011234567890189", "must start with a two-letter country code and two check digits")]
    [InlineData("FRX630006000011234567890189", "must start with a two-letter country code and two check digits")]
    [InlineData("US64SVBKUS6S3300958879", "country US has no IBAN format")]
    public void TryParse_Malformed_SaysWhatIsWrong(string? text, string expected)
    {
        Assert.False(Iban.TryParse(text, out _, out var problem));

        Assert.Equal(expected, problem);
    }

    [Fact]
    public void TryParse_Problem_NeverRepeatsTheNumber()
    {
        Assert.False(Iban.TryParse("FR7630006000011234567890198", out _, out var problem));
        Assert.DoesNotContain("30006000011234567890198", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FR7630006000011234567890189", "FR76 **** **** **** **** ***0 189")]
    [InlineData("DE89370400440532013000", "DE89 **** **** **** **30 00")]
    [InlineData("NO9386011117947", "NO93 **** ***7 947")]
    [InlineData("BE68539007547034", "BE68 **** **** 7034")]
    public void Masked_KeepsCountryCheckDigitsAndTheLastFour(string text, string expected) =>
        Assert.Equal(expected, Iban.Parse(text).Masked);

    [Fact]
    public void ToString_IsTheMaskedForm_SoALoggedIbanLeaksNothing()
    {
        var iban = Iban.Parse("FR7630006000011234567890189");

        Assert.Equal(iban.Masked, iban.ToString());
        Assert.Equal(iban.Masked, $"{iban}");
    }

    [Fact]
    public void Equality_IsByElectronicForm()
    {
        var a = Iban.Parse("fr76 3000 6000 0112 3456 7890 189");
        var b = Iban.Parse("FR7630006000011234567890189");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Iban.Parse("DE89370400440532013000"));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Parse_Invalid_Throws() => Assert.Throws<FormatException>(() => Iban.Parse("FR00"));
}
