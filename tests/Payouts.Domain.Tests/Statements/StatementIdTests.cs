using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.Statements;

public sealed class StatementIdTests
{
    [Theory]
    [InlineData("lea~2026-11~v1", "lea", "2026-11", 1)]
    [InlineData("lea~2026-W48~v12", "lea", "2026-W48", 12)]
    [InlineData("a.b:c@d~2026-01~v3", "a.b:c@d", "2026-01", 3)]
    public void TryParse_ValidId_RoundTrips(string text, string creator, string period, int version)
    {
        Assert.True(StatementId.TryParse(text, out var id));
        Assert.Equal(new StatementId(creator, PeriodKey.Parse(period), version), id);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("lea~2026-11~1")]
    [InlineData("lea~2026-13~v1")]
    [InlineData("lea~2026-11~v0")]
    [InlineData("lea~2026-11~v")]
    [InlineData("lea~2026-11~v-1")]
    [InlineData("lea~2026-11~v+1")]
    [InlineData("lea~2026-11~V1")]
    [InlineData("le a~2026-11~v1")]
    [InlineData("~2026-11~v1")]
    [InlineData("lea~2026-11")]
    [InlineData("lea~2026-11~v1~x")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_InvalidId_ReturnsFalse(string? text) => Assert.False(StatementId.TryParse(text, out _));

    [Fact]
    public void NextVersion_IncrementsOnlyTheVersion() =>
        Assert.Equal(new StatementId("lea", PeriodKey.Month(2026, 11), 2), new StatementId("lea", PeriodKey.Month(2026, 11), 1).NextVersion());
}
