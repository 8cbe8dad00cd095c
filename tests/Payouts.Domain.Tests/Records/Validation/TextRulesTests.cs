using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.Tests.Records.Validation;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("lea", true)]
    [InlineData("A-Z_a.z:0@9", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("a b", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a?b", false)]
    [InlineData("a#b", false)]
    [InlineData("a%2F", false)]
    [InlineData("a~b", false)]
    [InlineData("a'b", false)]
    [InlineData("é", false)]
    [InlineData("ａ", false)] // full-width letter
    public void IsIdentifier_Text_FollowsTheSafeAlphabet(string? text, bool expected) => Assert.Equal(expected, TextRules.IsIdentifier(text));

    [Fact]
    public void IsIdentifier_Length_IsAtMost128()
    {
        Assert.True(TextRules.IsIdentifier(new string('a', 128)));
        Assert.False(TextRules.IsIdentifier(new string('a', 129)));
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("Café Crème — ünïcödé")]
    [InlineData("<script>")]
    public void FreeTextProblem_OrdinaryText_IsNull(string text) => Assert.Null(TextRules.FreeTextProblem(text));

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\rb")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    public void FreeTextProblem_ControlCharacter_IsAProblem(string text) =>
        Assert.Equal("must not contain control characters", TextRules.FreeTextProblem(text));
}
