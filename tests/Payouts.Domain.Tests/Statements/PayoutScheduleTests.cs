using NodaTime;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

public sealed class PayoutScheduleTests
{
    [Fact]
    public void DateFor_Default_IsFiveDaysAfterThePeriodsLastDay() =>
        Assert.Equal(new LocalDate(2026, 12, 5), PayoutSchedule.Default.DateFor(November));

    [Theory]
    [InlineData(0, 2026, 11, 30)]
    [InlineData(60, 2027, 1, 29)]
    public void DateFor_Delay_CountsDaysFromTheLastDay(int days, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), new PayoutSchedule(days).DateFor(November));

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void New_DelayOutOfRange_IsRefused(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PayoutSchedule(days));

    [Fact]
    public void Calculate_Payable_GetsThePayoutDateOfTheRequestsSchedule()
    {
        var statement = StatementCalculator.Calculate(WorkedExample() with { PayoutSchedule = new PayoutSchedule(10) });
        Assert.Equal(new LocalDate(2026, 12, 10), statement.PayoutDate);
    }

    [Fact]
    public void Calculate_NothingPayable_HasNoPayoutDate() =>
        Assert.Null(Calculate([Entry(1000, 1, At(3))]).PayoutDate);
}
