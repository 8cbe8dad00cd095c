using NodaTime;

namespace Payouts.Domain.Tests.Properties.Model;

/// <summary>
/// The reference data of the model, as plain tables: gift rates with two versions each inside the generated dates, and
/// FX for three payout currencies with a rate after the period's last day that must never be used.
/// The same tables are handed to the calculator as a RateBook (<see cref="ModelRequest"/>) and read by the model here.
/// </summary>
internal static class ModelWorld
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    /// <summary>The statement's period: November 2026, local dates in Paris.</summary>
    public static readonly LocalDate PeriodStart = new(2026, 11, 1);
    public static readonly LocalDate PeriodLastDay = new(2026, 11, 30);

    public static readonly (LocalDate From, decimal Value, string Version)[] DiamondsPerCoin =
    [
        (new LocalDate(2024, 1, 1), 0.5m, "dpc-1"),
        (new LocalDate(2026, 11, 16), 0.53m, "dpc-2"),
    ];

    public static readonly (LocalDate From, decimal Value, string Version)[] UsdPerDiamond =
    [
        (new LocalDate(2024, 1, 1), 0.005m, "upd-1"),
        (new LocalDate(2026, 10, 20), 0.0051m, "upd-2"),
    ];

    public static readonly (LocalDate From, decimal Value, string Version)[] UsdPerCoinReference =
    [
        (new LocalDate(2024, 1, 1), 0.0105m, "upc-1"),
    ];

    /// <summary>(from currency, to currency, date, value).</summary>
    public static readonly (string From, string To, LocalDate On, decimal Value)[] Fx =
    [
        ("USD", "EUR", new LocalDate(2026, 10, 31), 0.90m), ("USD", "EUR", new LocalDate(2026, 11, 30), 0.92m), ("USD", "EUR", new LocalDate(2026, 12, 3), 0.97m),
        ("GBP", "EUR", new LocalDate(2026, 11, 10), 1.14m), ("GBP", "EUR", new LocalDate(2026, 11, 28), 1.16m),
        ("USD", "JPY", new LocalDate(2026, 11, 2), 151m), ("USD", "JPY", new LocalDate(2026, 11, 29), 149.5m), ("USD", "JPY", new LocalDate(2026, 12, 1), 140m),
        ("GBP", "JPY", new LocalDate(2026, 11, 30), 190.25m), ("EUR", "JPY", new LocalDate(2026, 11, 30), 162.4m),
        ("USD", "KWD", new LocalDate(2026, 11, 30), 0.3071m), ("GBP", "KWD", new LocalDate(2026, 11, 1), 0.3893m), ("EUR", "KWD", new LocalDate(2026, 11, 15), 0.3337m),
        ("USD", "IDR", new LocalDate(2026, 11, 27), 15_873.5m), ("GBP", "IDR", new LocalDate(2026, 11, 30), 20_104.25m), ("EUR", "IDR", new LocalDate(2026, 11, 3), 17_250.75m),
        ("USD", "VND", new LocalDate(2026, 11, 30), 25_347m), ("GBP", "VND", new LocalDate(2026, 11, 12), 32_010.5m), ("EUR", "VND", new LocalDate(2026, 11, 30), 27_450m),
        ("USD", "VND", new LocalDate(2026, 12, 1), 30_000m),
    ];

    /// <summary>ISO 4217 exponents of the payout currencies the model knows.</summary>
    public static int Exponent(string currency) => currency switch
    {
        "EUR" => 2,
        "IDR" => 2,
        "JPY" => 0,
        "VND" => 0,
        "KWD" => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(currency), currency, null),
    };

    public static LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>"2026-10" for a record dated in October in Paris.</summary>
    public static string PeriodOf(Instant instant) => $"{LocalDateOf(instant):yyyy-MM}";

    /// <summary>The version in force on a local date: the latest whose start is on or before it.</summary>
    public static (decimal Value, string Version) InForce((LocalDate From, decimal Value, string Version)[] versions, LocalDate date)
    {
        var found = versions.Where(v => v.From <= date).OrderBy(v => v.From).Last();
        return (found.Value, found.Version);
    }

    /// <summary>One FX rate per pair for the statement: the latest on or before the period's last day; 1 for the same currency.</summary>
    public static decimal FxForStatement(string from, string to) =>
        from == to ? 1m : Fx.Where(f => f.From == from && f.To == to && f.On <= PeriodLastDay).OrderBy(f => f.On).Last().Value;
}
