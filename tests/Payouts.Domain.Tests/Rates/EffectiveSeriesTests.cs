using NodaTime;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Tests.Rates;

/// <summary>A version is in force from its start date (inclusive) until the next version starts (exclusive).</summary>
public sealed class EffectiveSeriesTests
{
    private static readonly EffectiveSeries<string> Series = new(
        "test rate",
        [
            new Versioned<string>("b", new LocalDate(2025, 6, 1), "second"),
            new Versioned<string>("a", new LocalDate(2024, 1, 1), "first"),
        ]);

    [Fact]
    public void At_BeforeFirstVersion_IsMissingWithReason()
    {
        var lookup = Series.At(new LocalDate(2023, 12, 31));
        Assert.False(lookup.IsFound);
        Assert.Null(lookup.Value);
        Assert.Equal("no test rate in force on 2023-12-31", lookup.MissingReason);
    }

    [Theory]
    [InlineData(2024, 1, 1, "a")]
    [InlineData(2025, 5, 31, "a")]
    [InlineData(2025, 6, 1, "b")]
    [InlineData(2099, 1, 1, "b")]
    public void At_Date_IsTheLatestVersionStartedOnOrBefore(int y, int m, int d, string expected)
    {
        var lookup = Series.At(new LocalDate(y, m, d));
        Assert.True(lookup.IsFound);
        Assert.Equal(expected, lookup.Value.VersionId);
    }

    [Fact]
    public void Versions_AreOrderedByStart() => Assert.Equal(["a", "b"], Series.Versions.Select(v => v.VersionId));

    [Fact]
    public void Constructor_TwoVersionsSameStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new EffectiveSeries<string>(
            "dup",
            [new Versioned<string>("a", new LocalDate(2024, 1, 1), "x"), new Versioned<string>("b", new LocalDate(2024, 1, 1), "y")]));

    [Fact]
    public void At_EmptySeries_IsMissing() => Assert.False(new EffectiveSeries<string>("none", []).At(new LocalDate(2026, 1, 1)).IsFound);

    [Fact]
    public void Lookup_FoundNull_Throws() => Assert.Throws<ArgumentNullException>(() => Lookup<string>.Found(null!));
}
