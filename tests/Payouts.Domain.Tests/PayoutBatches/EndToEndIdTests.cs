using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.PayoutBatches;

public sealed class EndToEndIdTests
{
    [Fact]
    public void For_AStatementIdThatFits_IsTheStatementId() =>
        Assert.Equal("lea~2026-11~v2", EndToEndId.For(new StatementId("lea", PeriodKey.Month(2026, 11), 2)));

    [Fact]
    public void For_ThirtyFiveCharacters_IsKeptWhole()
    {
        var id = new StatementId(new string('c', 35 - "~2026-11~v1".Length), PeriodKey.Month(2026, 11), 1);

        Assert.Equal(id.ToString(), EndToEndId.For(id));
    }

    [Theory]
    [InlineData(36, 1, "2026-11")]
    [InlineData(128, 1, "2026-11")]
    [InlineData(128, 12, "2026-W48")]
    public void For_ALongerStatementId_IsThirtyFiveCharactersKeepingPeriodAndVersion(int creatorLength, int version, string period)
    {
        var id = new StatementId(new string('c', creatorLength), PeriodKey.Parse(period), version);

        var endToEnd = EndToEndId.For(id);

        Assert.Equal(EndToEndId.MaxLength, endToEnd.Length);
        Assert.EndsWith($"~{period}~v{version}", endToEnd, StringComparison.Ordinal);
        Assert.Equal(endToEnd, EndToEndId.For(id));
    }

    [Fact]
    public void For_LongIdsSharingTheirStart_StayDistinct()
    {
        var prefix = new string('c', 60);

        var a = EndToEndId.For(new StatementId(prefix + "-a", PeriodKey.Month(2026, 11), 1));
        var b = EndToEndId.For(new StatementId(prefix + "-b", PeriodKey.Month(2026, 11), 1));

        Assert.NotEqual(a, b);
    }
}
