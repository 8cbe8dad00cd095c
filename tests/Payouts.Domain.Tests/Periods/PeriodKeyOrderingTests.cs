using Payouts.Domain.Periods;

namespace Payouts.Domain.Tests.Periods;

public sealed class PeriodKeyOrderingTests
{
    [Fact]
    public void Ordering_MonthlyKeys_FollowsTime()
    {
        var dec = PeriodKey.Month(2025, 12);
        var jan = PeriodKey.Month(2026, 1);
        Assert.True(dec < jan);
        Assert.True(jan > dec);
        Assert.True(dec <= PeriodKey.Month(2025, 12));
        Assert.True(jan >= dec);
        Assert.Equal(0, jan.CompareTo(PeriodKey.Month(2026, 1)));
    }

    [Fact]
    public void Ordering_WeeklyKeys_FollowsTimeAcrossWeekYears()
    {
        Assert.True(PeriodKey.Week(2026, 53) < PeriodKey.Week(2027, 1));
        Assert.True(PeriodKey.Week(2026, 2) > PeriodKey.Week(2025, 52));
    }

    [Fact]
    public void Compare_MonthlyWithWeekly_Throws() =>
        Assert.Throws<InvalidOperationException>(() => PeriodKey.Month(2026, 11) < PeriodKey.Week(2026, 11));

    [Fact]
    public void Equals_SameNumbersDifferentKind_IsFalse()
    {
        Assert.NotEqual(PeriodKey.Month(2026, 11), PeriodKey.Week(2026, 11));
        Assert.True(PeriodKey.Month(2026, 11) != PeriodKey.Week(2026, 11));
    }

    [Fact]
    public void Equals_SameKey_HasSameHash()
    {
        var a = PeriodKey.Parse("2026-W48");
        var b = PeriodKey.Week(2026, 48);
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
