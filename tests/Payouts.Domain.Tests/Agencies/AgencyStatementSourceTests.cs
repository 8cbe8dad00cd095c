using Payouts.Domain.Agencies;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Agencies;

public sealed class AgencyStatementSourceTests
{
    private static readonly StatementId LeaV2 = new("lea", PeriodKey.Month(2026, 11), 2);

    [Fact]
    public void Statement_IsTheVersionAndItsHash_AndParsesBack()
    {
        var source = AgencyStatementSource.Of(LeaV2, "0a1b");

        Assert.Equal("lea~2026-11~v2@0a1b", source.ToString());
        Assert.True(AgencyStatementSource.TryParse(source.ToString(), out var parsed));
        Assert.Equal(source, parsed);
        Assert.False(parsed.IsBlocked);
        Assert.Equal("lea", parsed.CreatorId);
    }

    [Fact]
    public void Blocked_IsTheCreatorAlone_AndParsesBack()
    {
        var source = AgencyStatementSource.Blocked("lea");

        Assert.Equal("lea@blocked", source.ToString());
        Assert.True(AgencyStatementSource.TryParse("lea@blocked", out var parsed));
        Assert.Equal(source, parsed);
        Assert.True(parsed.IsBlocked);
        Assert.Null(parsed.Statement);
        Assert.Null(parsed.ContentHash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@blocked")]
    [InlineData("lea@")]
    [InlineData("lea")]
    [InlineData("le a@blocked")]
    [InlineData("lea~2026-11~v2@0A1B")]
    [InlineData("lea~2026-11~v2@xyz")]
    [InlineData("lea~2026-11@0a1b")]
    public void TryParse_NotASource_IsFalse(string? text) =>
        Assert.False(AgencyStatementSource.TryParse(text, out _));

    [Fact]
    public void Of_WithoutAHash_Throws() =>
        Assert.Throws<ArgumentException>(() => AgencyStatementSource.Of(LeaV2, string.Empty));

    [Fact]
    public void SameSet_IgnoresOrderAndRepeats_ButNotAVersionOrAHash()
    {
        var a = AgencyStatementSource.Of(LeaV2, "aa");
        var b = AgencyStatementSource.Blocked("max");

        Assert.True(AgencyStatementSource.SameSet([a, b], [b, a, a]));
        Assert.False(AgencyStatementSource.SameSet([a, b], [a]));
        Assert.False(AgencyStatementSource.SameSet([a], [AgencyStatementSource.Of(LeaV2, "ab")]));
        Assert.False(AgencyStatementSource.SameSet([a], [AgencyStatementSource.Of(LeaV2 with { Version = 3 }, "aa")]));
        Assert.Equal(["lea~2026-11~v2@aa", "max@blocked"], AgencyStatementSource.Canonical([b, a, b]).Select(s => s.ToString()));
    }
}
