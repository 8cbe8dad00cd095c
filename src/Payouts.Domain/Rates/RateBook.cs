using NodaTime;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Rates;

/// <summary>
/// The reference data a statement is computed with: effective-dated diamond, coin and FX rates.
/// Immutable; built from <see cref="RateEntry"/> rows as they are stored.
/// </summary>
public sealed class RateBook
{
    public const string IdentityFxVersion = "identity";

    private readonly Dictionary<string, EffectiveSeries<DiamondsPerCoin>> _diamondsPerCoin;
    private readonly Dictionary<string, EffectiveSeries<UsdPerDiamond>> _usdPerDiamond;
    private readonly EffectiveSeries<UsdPerCoin> _usdPerCoinReference;
    private readonly Dictionary<string, EffectiveSeries<FxRate>> _fx;

    public RateBook(IEnumerable<RateEntry> entries)
    {
        var all = entries.ToList();
        _diamondsPerCoin = Series(all, RateKind.DiamondsPerCoin, "diamondsPerCoin", (_, v) => new DiamondsPerCoin(v));
        _usdPerDiamond = Series(all, RateKind.UsdPerDiamond, "usdPerDiamond", (_, v) => new UsdPerDiamond(v));
        _usdPerCoinReference = Series(all, RateKind.UsdPerCoinReference, "usdPerCoinReference", (_, v) => new UsdPerCoin(v))
            .GetValueOrDefault(string.Empty, new EffectiveSeries<UsdPerCoin>("usdPerCoinReference", []));
        _fx = Series(all, RateKind.Fx, "FX", ParseFx);
        Entries = all;
    }

    public IReadOnlyList<RateEntry> Entries { get; }

    public Lookup<GiftRates> GiftRatesOn(string region, LocalDate date)
    {
        var perCoin = SeriesFor(_diamondsPerCoin, region, "diamondsPerCoin").At(date);
        var perDiamond = SeriesFor(_usdPerDiamond, region, "usdPerDiamond").At(date);
        var reference = _usdPerCoinReference.At(date);
        if (perCoin.IsFound && perDiamond.IsFound && reference.IsFound)
        {
            return Lookup<GiftRates>.Found(new GiftRates(perCoin.Value, perDiamond.Value, reference.Value));
        }

        var reasons = new[] { perCoin.MissingReason, perDiamond.MissingReason, reference.MissingReason }.OfType<string>();
        return Lookup<GiftRates>.Missing(string.Join("; ", reasons));
    }

    public Lookup<Versioned<UsdPerDiamond>> UsdPerDiamondOn(string region, LocalDate date) =>
        SeriesFor(_usdPerDiamond, region, "usdPerDiamond").At(date);

    /// <summary>The FX rate in force on <paramref name="date"/>: the latest published on or before it.</summary>
    public Lookup<Versioned<FxRate>> FxOn(Currency from, Currency to, LocalDate date)
    {
        if (from == to)
        {
            return Lookup<Versioned<FxRate>>.Found(new Versioned<FxRate>(IdentityFxVersion, date, new FxRate(from, to, 1m)));
        }

        return SeriesFor(_fx, RateEntry.FxKey(from.Code, to.Code), "FX").At(date);
    }

    /// <summary>The gift rates of a region cut into instant ranges, for valuing many gifts without a zone conversion each.</summary>
    public GiftRateTimeline TimelineFor(string region, DateTimeZone zone)
    {
        var starts = SeriesFor(_diamondsPerCoin, region, "diamondsPerCoin").Versions.Select(v => v.From)
            .Concat(SeriesFor(_usdPerDiamond, region, "usdPerDiamond").Versions.Select(v => v.From))
            .Concat(_usdPerCoinReference.Versions.Select(v => v.From))
            .Distinct()
            .Order()
            .ToArray();
        return new GiftRateTimeline(starts, zone, date => GiftRatesOn(region, date));
    }

    private static EffectiveSeries<T> SeriesFor<T>(Dictionary<string, EffectiveSeries<T>> byKey, string key, string name) =>
        byKey.TryGetValue(key, out var series) ? series : new EffectiveSeries<T>($"{name} for '{key}'", []);

    private static Dictionary<string, EffectiveSeries<T>> Series<T>(List<RateEntry> all, RateKind kind, string name, Func<string, decimal, T> create) =>
        all.Where(e => e.Kind == kind)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new EffectiveSeries<T>(
                    g.Key.Length == 0 ? name : $"{name} for '{g.Key}'",
                    g.Select(e => new Versioned<T>(e.VersionId, e.From, create(e.Key, e.Value)))),
                StringComparer.Ordinal);

    private static FxRate ParseFx(string pair, decimal value)
    {
        var parts = pair.Split('/');
        if (parts.Length != 2 || !Currency.TryFromCode(parts[0], out var from) || !Currency.TryFromCode(parts[1], out var to))
        {
            throw new ArgumentException($"'{pair}' is not an FX pair such as USD/EUR.", nameof(pair));
        }

        return new FxRate(from, to, value);
    }
}
