using Payouts.Domain.Agencies;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Agencies;

public sealed class AgencyStatementIdTests
{
    [Fact]
    public void ToString_NamesAgencyPeriodAndVersion_AndParsesBack()
    {
        var id = new AgencyStatementId("nova", PeriodKey.Month(2026, 11), 2);

        Assert.Equal("agency~nova~2026-11~v2", id.ToString());
        Assert.True(AgencyStatementId.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
        Assert.Equal(3, id.NextVersion().Version);
        Assert.Equal(id with { Version = 3 }, id.NextVersion());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nova~2026-11~v1")]
    [InlineData("agency~nova~2026-11")]
    [InlineData("agency~nova~2026-11~v0")]
    [InlineData("agency~nova~2026-11~v")]
    [InlineData("agency~nova~2026-11~1")]
    [InlineData("agency~nova~2026-11~v+1")]
    [InlineData("agency~nova~2026-13~v1")]
    [InlineData("agency~no va~2026-11~v1")]
    [InlineData("agencies~nova~2026-11~v1")]
    [InlineData("agency~nova~2026-11~v1~x")]
    public void TryParse_NotAnAgencyStatementId_IsFalse(string? text) =>
        Assert.False(AgencyStatementId.TryParse(text, out _));

    [Fact]
    public void CreatorStatementId_DoesNotParseAnAgencyStatementId() =>
        Assert.False(StatementId.TryParse("agency~nova~2026-11~v1", out _));
}
