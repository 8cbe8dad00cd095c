using Payouts.DevHost.Timers;

namespace Payouts.DevHost.Tests;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 5, 10, 20, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 0 * * * *", "2026-11-05T11:00:00+00:00")]
    [InlineData("0 * * * * *", "2026-11-05T10:21:00+00:00")]
    [InlineData("*/10 * * * * *", "2026-11-05T10:20:40+00:00")]
    [InlineData("0 0 * * *", "2026-11-06T00:00:00+00:00")]
    [InlineData("00:05:00", "2026-11-05T10:25:30+00:00")]
    public void Next_IsTheNextOccurrenceInUtc(string expression, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimerSchedule.Parse(expression).Next(At));
    }

    [Fact]
    public void Parse_Garbage_Throws()
    {
        Assert.ThrowsAny<FormatException>(() => TimerSchedule.Parse("every hour"));
    }
}
