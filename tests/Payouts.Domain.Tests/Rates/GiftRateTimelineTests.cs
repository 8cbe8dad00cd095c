using NodaTime;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Tests.Rates;

/// <summary>Segments start at local midnight in Paris: 2024-01-01 00:00 CET is 2023-12-31T23:00Z, 2026-11-15 00:00 CET is 2026-11-14T23:00Z.</summary>
public sealed class GiftRateTimelineTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    private static readonly RateBook Book = new(
    [
        new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2024, 1, 1), 0.5m, "dpc-2024"),
        new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 11, 15), 0.55m, "dpc-2026-11"),
        new RateEntry(RateKind.UsdPerDiamond, "FR", new LocalDate(2024, 1, 1), 0.005m, "upd-2024"),
        new RateEntry(RateKind.UsdPerCoinReference, string.Empty, new LocalDate(2024, 1, 1), 0.0105m, "upc-2024"),
    ]);

    private readonly GiftRateTimeline _timeline = Book.TimelineFor("FR", Paris);

    [Fact]
    public void SegmentCount_IsDistinctStartsPlusTheSegmentBeforeAll() => Assert.Equal(3, _timeline.SegmentCount);

    [Theory]
    [InlineData(2023, 12, 31, 22, 59, 0)]
    [InlineData(2023, 12, 31, 23, 0, 1)]
    [InlineData(2026, 11, 14, 22, 59, 1)]
    [InlineData(2026, 11, 14, 23, 0, 2)]
    [InlineData(2030, 1, 1, 0, 0, 2)]
    public void SegmentOf_Instant_StartsAtLocalMidnight(int y, int m, int d, int h, int mi, int expected) =>
        Assert.Equal(expected, _timeline.SegmentOf(Instant.FromUtc(y, m, d, h, mi)));

    [Fact]
    public void SegmentOf_OneTickBeforeStart_IsThePreviousSegment() =>
        Assert.Equal(1, _timeline.SegmentOf(Instant.FromUtc(2026, 11, 14, 23, 0) - Duration.Epsilon));

    [Fact]
    public void RatesOf_SegmentZero_IsMissingBeforeTheFirstRate()
    {
        var rates = _timeline.RatesOf(0);
        Assert.False(rates.IsFound);
        Assert.Equal("no gift rates before 2024-01-01", rates.MissingReason);
        Assert.Null(_timeline.StartOf(0));
    }

    [Fact]
    public void RatesOf_LaterSegments_CarryTheirVersions()
    {
        Assert.Equal("dpc-2024", _timeline.RatesOf(1).Value!.DiamondsPerCoin.VersionId);
        Assert.Equal("dpc-2026-11", _timeline.RatesOf(2).Value!.DiamondsPerCoin.VersionId);
        Assert.Equal("upd-2024", _timeline.RatesOf(2).Value!.UsdPerDiamond.VersionId);
        Assert.Equal(new LocalDate(2026, 11, 15), _timeline.StartOf(2));
    }

    [Fact]
    public void TimelineFor_RatesStartingOnDifferentDays_SegmentMissingAnyRateIsMissing()
    {
        var book = new RateBook(
        [
            new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2024, 1, 1), 0.5m, "dpc"),
            new RateEntry(RateKind.UsdPerDiamond, "FR", new LocalDate(2025, 1, 1), 0.005m, "upd"),
            new RateEntry(RateKind.UsdPerCoinReference, string.Empty, new LocalDate(2024, 1, 1), 0.0105m, "upc"),
        ]);
        var timeline = book.TimelineFor("FR", Paris);

        Assert.Equal(3, timeline.SegmentCount);
        Assert.False(timeline.RatesOf(1).IsFound);
        Assert.Contains("usdPerDiamond", timeline.RatesOf(1).MissingReason, StringComparison.Ordinal);
        Assert.True(timeline.RatesOf(2).IsFound);
    }

    [Fact]
    public void TimelineFor_NoRatesAtAll_HasOneMissingSegment()
    {
        var timeline = new RateBook([]).TimelineFor("FR", Paris);
        Assert.Equal(1, timeline.SegmentCount);
        Assert.Equal(0, timeline.SegmentOf(Instant.FromUtc(2026, 11, 1, 0, 0)));
        Assert.Equal("no gift rates at all for this region", timeline.RatesOf(0).MissingReason);
    }

    [Fact]
    public void TimelineFor_UnknownRegion_EverySegmentIsMissing()
    {
        var timeline = Book.TimelineFor("DE", Paris);
        Assert.All(Enumerable.Range(0, timeline.SegmentCount), s => Assert.False(timeline.RatesOf(s).IsFound));
    }
}
