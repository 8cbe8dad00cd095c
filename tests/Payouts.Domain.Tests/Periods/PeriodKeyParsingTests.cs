using Payouts.Domain.Periods;

namespace Payouts.Domain.Tests.Periods;

public sealed class PeriodKeyParsingTests
{
    [Theory]
    [InlineData("2026-11", PeriodKind.Monthly, 2026, 11)]
    [InlineData("2026-01", PeriodKind.Monthly, 2026, 1)]
    [InlineData("2000-01", PeriodKind.Monthly, 2000, 1)]
    [InlineData("2999-12", PeriodKind.Monthly, 2999, 12)]
    [InlineData("2026-W48", PeriodKind.Weekly, 2026, 48)]
    [InlineData("2026-W01", PeriodKind.Weekly, 2026, 1)]
    [InlineData("2026-W53", PeriodKind.Weekly, 2026, 53)]
    [InlineData("2020-W53", PeriodKind.Weekly, 2020, 53)]
    [InlineData("2015-W53", PeriodKind.Weekly, 2015, 53)]
    public void TryParse_ValidKey_ReadsKindYearAndNumber(string text, PeriodKind kind, int year, int number)
    {
        Assert.True(PeriodKey.TryParse(text, out var key));
        Assert.Equal(kind, key.Kind);
        Assert.Equal(year, key.Year);
        Assert.Equal(number, key.Number);
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("26-11")]
    [InlineData("2026/11")]
    [InlineData("2026_11")]
    [InlineData("2026-W00")]
    [InlineData("2025-W53")] // 2025 starts on a Wednesday and is not a leap year: 52 ISO weeks
    [InlineData("2027-W53")]
    [InlineData("2026-W54")]
    [InlineData("2026-w48")]
    [InlineData("2026-W4")]
    [InlineData("2026-W4x")]
    [InlineData("2026-1a")]
    [InlineData("1999-12")]
    [InlineData("3000-01")]
    [InlineData("")]
    [InlineData(" 2026-11")]
    [InlineData("2026-11 ")]
    [InlineData("+026-11")]
    [InlineData("２０２６-11")]
    [InlineData("2026-11-01")]
    [InlineData("2026-W481")]
    [InlineData("2026-M11")]
    public void TryParse_InvalidKey_ReturnsFalse(string text)
    {
        Assert.False(PeriodKey.TryParse(text, out var key));
        Assert.Equal(default, key);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse() => Assert.False(PeriodKey.TryParse(null, out _));

    [Fact]
    public void Parse_InvalidKey_ThrowsFormatException() => Assert.Throws<FormatException>(() => PeriodKey.Parse("2026-13"));

    [Fact]
    public void Parse_ValidKey_EqualsFactory()
    {
        Assert.Equal(PeriodKey.Month(2026, 11), PeriodKey.Parse("2026-11"));
        Assert.Equal(PeriodKey.Week(2026, 48), PeriodKey.Parse("2026-W48"));
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    [InlineData(1999, 12)]
    [InlineData(3000, 1)]
    public void Month_OutOfRange_Throws(int year, int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodKey.Month(year, month));

    [Theory]
    [InlineData(2025, 53)]
    [InlineData(2026, 54)]
    [InlineData(2026, 0)]
    [InlineData(1999, 1)]
    public void Week_OutOfRange_Throws(int year, int week) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodKey.Week(year, week));

    [Fact]
    public void ToString_PadsYearAndNumber()
    {
        Assert.Equal("2026-03", PeriodKey.Month(2026, 3).ToString());
        Assert.Equal("2026-W07", PeriodKey.Week(2026, 7).ToString());
    }
}
