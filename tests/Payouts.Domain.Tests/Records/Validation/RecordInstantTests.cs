using NodaTime;
using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

/// <summary>occurredAt / earnedAt: an ISO-8601 instant with an offset, not before 2016, not more than 15 minutes ahead of now (2026-11-20T12:00Z).</summary>
public sealed class RecordInstantTests
{
    [Theory]
    [InlineData("2026-11-05T20:15:00+01:00", 2026, 11, 5, 19, 15, 0)]
    [InlineData("2026-11-05T19:15:00Z", 2026, 11, 5, 19, 15, 0)]
    [InlineData("2026-11-05T14:15:00-05:00", 2026, 11, 5, 19, 15, 0)]
    [InlineData("2026-11-20T12:15:00Z", 2026, 11, 20, 12, 15, 0)] // exactly the allowed clock skew
    [InlineData("2016-01-01T00:00:00Z", 2016, 1, 1, 0, 0, 0)]
    public void Read_InstantWithOffset_IsTheSameMoment(string text, int y, int mo, int d, int h, int mi, int s)
    {
        var gift = ReadGift(With(Gift, "occurredAt", Quoted(text)));
        var deal = ReadDeal(With(Deal, "earnedAt", Quoted(text)));

        Assert.Equal(Instant.FromUtc(y, mo, d, h, mi, s), gift.Record!.OccurredAt);
        Assert.Equal(Instant.FromUtc(y, mo, d, h, mi, s), deal.Record!.EarnedAt);
    }

    [Fact]
    public void Read_FractionalSeconds_AreKept() =>
        Assert.Equal(
            Instant.FromUtc(2026, 11, 5, 19, 15, 0).PlusNanoseconds(123_000_000),
            ReadGift(With(Gift, "occurredAt", "\"2026-11-05T19:15:00.123Z\"")).Record!.OccurredAt);

    [Theory]
    [InlineData("\"2026-11-05T20:15:00\"", "ISO-8601")] // no offset: which moment?
    [InlineData("\"2026-11-05\"", "ISO-8601")]
    [InlineData("\"05/11/2026 20:15\"", "ISO-8601")]
    [InlineData("\"yesterday\"", "ISO-8601")]
    [InlineData("\"\"", "ISO-8601")]
    [InlineData("\"2026-13-05T20:15:00Z\"", "ISO-8601")]
    [InlineData("1762370100", "must be a string")]
    [InlineData("\"2026-11-20T12:15:01Z\"", "future")]
    [InlineData("\"2027-01-01T00:00:00Z\"", "future")]
    [InlineData("\"2015-12-31T23:59:59Z\"", "before")]
    public void Read_BadInstant_IsFieldErrorOnBothRecordTypes(string raw, string message)
    {
        Assert.Contains(ErrorsOf(ReadGift(With(Gift, "occurredAt", raw)), "occurredAt"), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Contains(ErrorsOf(ReadDeal(With(Deal, "earnedAt", raw)), "earnedAt"), m => m.Contains(message, StringComparison.Ordinal));
    }
}
