using Payouts.Domain.Records.Validation;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>The creator's display name: checked when the contract is put, taken from the contract in force, in the hash.</summary>
public sealed class DisplayNameTests
{
    [Theory]
    [InlineData("Léa Martin")]
    [InlineData("李小龙")]
    [InlineData("Ana 🌸")]
    [InlineData("O'Neil & Co <3")]
    public void DisplayNameProblems_PrintableText_HasNone(string name) => Assert.Empty(TextRules.DisplayNameProblems(name));

    [Theory]
    [InlineData("", "must not be blank")]
    [InlineData("   ", "must not be blank")]
    [InlineData(" Léa", "must not start or end with a space")]
    [InlineData("Léa ", "must not start or end with a space")]
    [InlineData("Léa\u0007", "must only contain printable characters (no control, format or line-separator characters)")]
    [InlineData("Léa\u202Eevil", "must only contain printable characters (no control, format or line-separator characters)")]
    [InlineData("Léa\u2028Martin", "must only contain printable characters (no control, format or line-separator characters)")]
    [InlineData("Léa\u2029Martin", "must only contain printable characters (no control, format or line-separator characters)")]
    [InlineData("Léa\uE000", "must only contain printable characters (no control, format or line-separator characters)")]
    [InlineData("Léa\u0378", "must only contain printable characters (no control, format or line-separator characters)")]
    public void DisplayNameProblems_NotPrintableOrBlank_SaysWhy(string name, string problem) =>
        Assert.Equal([problem], TextRules.DisplayNameProblems(name));

    [Fact]
    public void DisplayNameProblems_Length_IsBounded()
    {
        Assert.Empty(TextRules.DisplayNameProblems(new string('a', TextRules.MaxDisplayNameLength)));
        Assert.Equal(["must be at most 100 characters"], TextRules.DisplayNameProblems(new string('a', TextRules.MaxDisplayNameLength + 1)));
    }

    [Fact]
    public void Calculate_ContractWithAName_PutsItOnTheStatement()
    {
        var statement = StatementCalculator.Calculate(WorkedExample() with { ContractVersions = Builders.Contracts(LeaContract() with { DisplayName = "Léa" }) });

        Assert.Equal("Léa", statement.DisplayName);
        Assert.Equal("Léa", statement.CreatorName);
    }

    [Fact]
    public void CreatorName_WithoutADisplayName_IsTheId()
    {
        var statement = StatementCalculator.Calculate(WorkedExample());

        Assert.Null(statement.DisplayName);
        Assert.Equal("lea", statement.CreatorName);
    }

    [Fact]
    public void Calculate_Blocked_KeepsTheName() =>
        Assert.Equal("Léa", StatementCalculator.Calculate(WorkedExample() with
        {
            ContractVersions = Builders.Contracts(LeaContract() with { DisplayName = "Léa" }),
            Rates = new Payouts.Domain.Rates.RateBook([]),
        }).DisplayName);

    [Fact]
    public void Hash_DisplayNameChanged_Changes()
    {
        var plain = StatementCalculator.Calculate(WorkedExample());
        var named = StatementCalculator.Calculate(WorkedExample() with { ContractVersions = Builders.Contracts(LeaContract() with { DisplayName = "Léa" }) });

        Assert.NotEqual(plain.ContentHash, named.ContentHash);
        Assert.True(StatementHash.Verify(named));
    }
}
