using Payouts.Domain.PayoutDetails;

namespace Payouts.Domain.Tests.PayoutDetails;

public sealed class BicTests
{
    [Theory]
    [InlineData("BNPAFRPP", "BNPAFRPP")]
    [InlineData("DEUTDEFF500", "DEUTDEFF500")]
    [InlineData("bnpa fr pp xxx", "BNPAFRPPXXX")]
    [InlineData("1234FRPP", "1234FRPP")]
    public void TryParse_EightOrElevenCharacters_IsNormalised(string text, string expected)
    {
        Assert.True(Bic.TryParse(text, out var bic, out var problem), problem);

        Assert.Equal(expected, bic.Value);
        Assert.Equal(expected, bic.ToString());
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("BNPAFRP", "must be 8 or 11 characters")]
    [InlineData("BNPAFRPPXX", "must be 8 or 11 characters")]
    [InlineData("BNPAFRPPXXXX", "must be 8 or 11 characters")]
    [InlineData("BNPA12PP", "must be 4 letters or digits (institution), 2 letters (country), 2 letters or digits (location), and optionally 3 (branch)")]
    [InlineData("BNP-FRPP", "must be 4 letters or digits (institution), 2 letters (country), 2 letters or digits (location), and optionally 3 (branch)")]
    [InlineData("BNPAFRPÉ", "must be 4 letters or digits (institution), 2 letters (country), 2 letters or digits (location), and optionally 3 (branch)")]
    public void TryParse_Malformed_SaysWhatIsWrong(string? text, string expected)
    {
        Assert.False(Bic.TryParse(text, out var bic, out var problem));

        Assert.Null(bic);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Equality_IsByValue() => Assert.Equal(Bic.Parse("bnpafrpp"), Bic.Parse("BNPAFRPP"));
}
