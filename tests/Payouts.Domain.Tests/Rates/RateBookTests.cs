using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Tests.Rates;

public sealed class RateBookTests
{
    private readonly RateBook _book = Builders.Rates();

    [Fact]
    public void GiftRatesOn_FirstDay_IsFoundWithVersions()
    {
        var rates = _book.GiftRatesOn("FR", new LocalDate(2024, 1, 1));
        Assert.True(rates.IsFound);
        Assert.Equal("dpc-FR-2024", rates.Value.DiamondsPerCoin.VersionId);
        Assert.Equal(0.5m, rates.Value.DiamondsPerCoin.Value.Value);
        Assert.Equal("upd-FR-2024", rates.Value.UsdPerDiamond.VersionId);
        Assert.Equal("upc-2024", rates.Value.UsdPerCoinReference.VersionId);
    }

    [Fact]
    public void GiftRatesOn_BeforeFirstRate_IsMissingNamingEveryRate()
    {
        var rates = _book.GiftRatesOn("FR", new LocalDate(2023, 12, 31));
        Assert.False(rates.IsFound);
        Assert.Contains("diamondsPerCoin for 'FR'", rates.MissingReason, StringComparison.Ordinal);
        Assert.Contains("usdPerDiamond for 'FR'", rates.MissingReason, StringComparison.Ordinal);
        Assert.Contains("usdPerCoinReference", rates.MissingReason, StringComparison.Ordinal);
        Assert.Contains("2023-12-31", rates.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void GiftRatesOn_UnknownRegion_IsMissingForThatRegionOnly()
    {
        var rates = _book.GiftRatesOn("DE", new LocalDate(2026, 11, 1));
        Assert.False(rates.IsFound);
        Assert.Contains("'DE'", rates.MissingReason, StringComparison.Ordinal);
        Assert.DoesNotContain("usdPerCoinReference", rates.MissingReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, "fx-USD-EUR-2026-11-30", "0.92")] // on the day it is published
    [InlineData(29, "fx-USD-EUR-2026-10-31", "0.90")] // the day before: the previous rate
    public void FxOn_Date_IsTheLatestOnOrBefore(int day, string version, string value)
    {
        var fx = _book.FxOn(Currency.USD, Currency.EUR, new LocalDate(2026, 11, day));
        Assert.True(fx.IsFound);
        Assert.Equal(version, fx.Value.VersionId);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), fx.Value.Value.Value);
    }

    [Fact]
    public void FxOn_BeforeFirstRate_IsMissing()
    {
        var fx = _book.FxOn(Currency.USD, Currency.EUR, new LocalDate(2026, 10, 30));
        Assert.False(fx.IsFound);
        Assert.Contains("USD/EUR", fx.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void FxOn_InversePair_IsNotDerived() => Assert.False(_book.FxOn(Currency.EUR, Currency.USD, new LocalDate(2026, 11, 30)).IsFound);

    [Fact]
    public void FxOn_SameCurrency_IsIdentity()
    {
        var fx = _book.FxOn(Currency.EUR, Currency.EUR, new LocalDate(2026, 11, 30));
        Assert.True(fx.IsFound);
        Assert.Equal(RateBook.IdentityFxVersion, fx.Value.VersionId);
        Assert.Equal(1m, fx.Value.Value.Value);
        Assert.True(fx.Value.Value.IsIdentity);
    }

    [Fact]
    public void UsdPerDiamondOn_FollowsEffectiveDates()
    {
        var book = new RateBook(
        [
            new RateEntry(RateKind.UsdPerDiamond, "FR", new LocalDate(2024, 1, 1), 0.005m, "v1"),
            new RateEntry(RateKind.UsdPerDiamond, "FR", new LocalDate(2026, 11, 20), 0.006m, "v2"),
        ]);
        Assert.Equal("v1", book.UsdPerDiamondOn("FR", new LocalDate(2026, 11, 19)).Value!.VersionId);
        Assert.Equal("v2", book.UsdPerDiamondOn("FR", new LocalDate(2026, 11, 20)).Value!.VersionId);
        Assert.False(book.UsdPerDiamondOn("FR", new LocalDate(2023, 1, 1)).IsFound);
    }

    [Theory]
    [InlineData("USDEUR")]
    [InlineData("USD/XXX")]
    [InlineData("usd/eur")]
    [InlineData("USD/EUR/GBP")]
    public void Constructor_MalformedFxPair_Throws(string pair) =>
        Assert.Throws<ArgumentException>(() => new RateBook([new RateEntry(RateKind.Fx, pair, new LocalDate(2026, 1, 1), 1m, "x")]));

    [Theory]
    [InlineData(RateKind.DiamondsPerCoin, "FR")]
    [InlineData(RateKind.UsdPerDiamond, "FR")]
    [InlineData(RateKind.UsdPerCoinReference, "")]
    [InlineData(RateKind.Fx, "USD/EUR")]
    public void Constructor_NonPositiveRate_Throws(RateKind kind, string key)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateBook([new RateEntry(kind, key, new LocalDate(2026, 1, 1), 0m, "x")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateBook([new RateEntry(kind, key, new LocalDate(2026, 1, 1), -0.5m, "x")]));
    }

    [Fact]
    public void Constructor_TwoVersionsSameDay_Throws() =>
        Assert.Throws<ArgumentException>(() => new RateBook(
        [
            new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 1, 1), 0.5m, "a"),
            new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 1, 1), 0.6m, "b"),
        ]));

    [Fact]
    public void Constructor_SameDayInDifferentRegions_IsFine()
    {
        var book = new RateBook(
        [
            new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 1, 1), 0.5m, "fr"),
            new RateEntry(RateKind.DiamondsPerCoin, "US", new LocalDate(2026, 1, 1), 0.53m, "us"),
        ]);
        Assert.Equal(2, book.Entries.Count);
    }
}
