using Payouts.Domain.PayoutDetails;

namespace Payouts.Domain.Tests.PayoutDetails;

public sealed class AccountHolderNameTests
{
    [Theory]
    [InlineData("Léa Martin", "Léa Martin")]
    [InlineData("  Léa   Martin ", "Léa Martin")]
    [InlineData("Zoë O'Brien-Núñez", "Zoë O'Brien-Núñez")]
    [InlineData("李小龍", "李小龍")]
    [InlineData("Nova Talent SAS", "Nova Talent SAS")]
    public void TryParse_PrintableText_IsTrimmedWithSpacesCollapsed(string text, string expected)
    {
        Assert.True(AccountHolderName.TryParse(text, out var name, out var problem), problem);

        Assert.Equal(expected, name.Value);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("   ", "is required")]
    [InlineData("Léa\nMartin", "must be printable text: no control, formatting or private-use characters")]
    [InlineData("Léa\u0000", "must be printable text: no control, formatting or private-use characters")]
    [InlineData("Léa\u202eniraM", "must be printable text: no control, formatting or private-use characters")]
    [InlineData("Léa\u200bMartin", "must be printable text: no control, formatting or private-use characters")]
    [InlineData("Léa\ue000", "must be printable text: no control, formatting or private-use characters")]
    [InlineData("Léa\u2028Martin", "must be printable text: no control, formatting or private-use characters")]
    public void TryParse_NotPrintable_IsRefused(string? text, string expected)
    {
        Assert.False(AccountHolderName.TryParse(text, out var name, out var problem));

        Assert.Null(name);
        Assert.Equal(expected, problem);
    }

    /// <summary>Not an InlineData: attribute strings are stored as UTF-8, where a lone surrogate becomes U+FFFD.</summary>
    [Fact]
    public void TryParse_LoneSurrogate_IsRefusedButAPairIsAccepted()
    {
        Assert.False(AccountHolderName.TryParse("Léa" + '\ud800', out _, out _));
        Assert.False(AccountHolderName.TryParse('\udc00' + "Léa", out _, out _));
        Assert.True(AccountHolderName.TryParse("Léa \ud83c\udf39", out _, out _));
    }

    [Fact]
    public void TryParse_SeventyCharacters_IsTheLimit()
    {
        Assert.True(AccountHolderName.TryParse(new string('a', AccountHolderName.MaxLength), out _, out _));
        Assert.False(AccountHolderName.TryParse(new string('a', AccountHolderName.MaxLength + 1), out _, out var problem));
        Assert.Equal("must be at most 70 characters", problem);
    }

    [Theory]
    [InlineData("Léa Martin", "L** M*****")]
    [InlineData("Zoë O'Brien-Núñez", "Z** O************")]
    [InlineData("A", "A")]
    [InlineData("李小龍", "李**")]
    public void Masked_KeepsTheFirstLetterOfEachWord(string text, string expected)
    {
        var name = AccountHolderName.Parse(text);

        Assert.Equal(expected, name.Masked);
        Assert.Equal(expected, name.ToString());
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(AccountHolderName.Parse("Léa  Martin"), AccountHolderName.Parse("Léa Martin"));
        Assert.NotEqual(AccountHolderName.Parse("Léa Martin"), AccountHolderName.Parse("Lea Martin"));
    }
}
