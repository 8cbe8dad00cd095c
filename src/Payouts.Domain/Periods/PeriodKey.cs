using System.Globalization;
using NodaTime;
using NodaTime.Calendars;

namespace Payouts.Domain.Periods;

/// <summary>
/// Names one statement period: "2026-11" (a month) or "2026-W48" (an ISO week). Ordered in time within one kind.
/// </summary>
public readonly struct PeriodKey : IEquatable<PeriodKey>, IComparable<PeriodKey>
{
    private const int MinYear = 2000;
    private const int MaxYear = 2999;

    private PeriodKey(PeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }

    /// <summary>The calendar year (monthly) or the ISO week-year (weekly).</summary>
    public int Year { get; }

    /// <summary>The month (1–12) or the ISO week (1–53).</summary>
    public int Number { get; }

    public static PeriodKey Month(int year, int month)
    {
        if (year is < MinYear or > MaxYear || month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), $"{year}-{month} is not a month between {MinYear} and {MaxYear}.");
        }

        return new PeriodKey(PeriodKind.Monthly, year, month);
    }

    public static PeriodKey Week(int weekYear, int week)
    {
        if (weekYear is < MinYear or > MaxYear || week < 1 || week > WeekYearRules.Iso.GetWeeksInWeekYear(weekYear))
        {
            throw new ArgumentOutOfRangeException(nameof(week), $"{weekYear}-W{week} is not an ISO week between {MinYear} and {MaxYear}.");
        }

        return new PeriodKey(PeriodKind.Weekly, weekYear, week);
    }

    /// <summary>Parses "yyyy-MM" or "yyyy-Www"; returns false with no exception for anything else.</summary>
    public static bool TryParse(string? text, out PeriodKey key)
    {
        key = default;
        if (text is null || text.Length is not (7 or 8) || text[4] != '-' || !TryDigits(text.AsSpan(0, 4), out var year) || year is < MinYear or > MaxYear)
        {
            return false;
        }

        if (text.Length == 7 && TryDigits(text.AsSpan(5, 2), out var month) && month is >= 1 and <= 12)
        {
            key = new PeriodKey(PeriodKind.Monthly, year, month);
            return true;
        }

        if (text.Length == 8 && text[5] == 'W' && TryDigits(text.AsSpan(6, 2), out var week)
            && week >= 1 && week <= WeekYearRules.Iso.GetWeeksInWeekYear(year))
        {
            key = new PeriodKey(PeriodKind.Weekly, year, week);
            return true;
        }

        return false;
    }

    public static PeriodKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a period key such as 2026-11 or 2026-W48.");

    /// <summary>The period that contains the given local date.</summary>
    public static PeriodKey Containing(PeriodKind kind, LocalDate date) => kind switch
    {
        PeriodKind.Monthly => Month(date.Year, date.Month),
        PeriodKind.Weekly => Week(WeekYearRules.Iso.GetWeekYear(date), WeekYearRules.Iso.GetWeekOfWeekYear(date)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The first local date of the period (inclusive).</summary>
    public LocalDate Start => Kind == PeriodKind.Monthly
        ? new LocalDate(Year, Number, 1)
        : WeekYearRules.Iso.GetLocalDate(Year, Number, IsoDayOfWeek.Monday);

    /// <summary>The first local date after the period (exclusive end).</summary>
    public LocalDate End => Kind == PeriodKind.Monthly ? Start.PlusMonths(1) : Start.PlusWeeks(1);

    /// <summary>The last local date inside the period: FX rates are taken on or before it.</summary>
    public LocalDate LastDay => End.PlusDays(-1);

    public PeriodKey Next() => Containing(Kind, End);

    public PeriodKey Previous() => Containing(Kind, Start.PlusDays(-1));

    /// <summary>The period before, or null for the first supported one (2000-01, 2000-W01): nothing comes before it.</summary>
    public PeriodKey? PreviousOrNone() => IsFirst ? null : Previous();

    /// <summary>The first period of its kind that a key can name.</summary>
    public bool IsFirst => Kind == PeriodKind.Monthly ? Start == new LocalDate(MinYear, 1, 1) : Start == Week(MinYear, 1).Start;

    public bool Contains(LocalDate date) => date >= Start && date < End;

    public int CompareTo(PeriodKey other)
    {
        if (Kind != other.Kind)
        {
            throw new InvalidOperationException($"Cannot order a {Kind} period against a {other.Kind} period.");
        }

        return Start.CompareTo(other.Start);
    }

    public bool Equals(PeriodKey other) => Kind == other.Kind && Year == other.Year && Number == other.Number;

    public override bool Equals(object? obj) => obj is PeriodKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Year, Number);

    public override string ToString() => Kind == PeriodKind.Monthly
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Number:D2}");

    public static bool operator ==(PeriodKey left, PeriodKey right) => left.Equals(right);

    public static bool operator !=(PeriodKey left, PeriodKey right) => !left.Equals(right);

    public static bool operator <(PeriodKey left, PeriodKey right) => left.CompareTo(right) < 0;

    public static bool operator >(PeriodKey left, PeriodKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(PeriodKey left, PeriodKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PeriodKey left, PeriodKey right) => left.CompareTo(right) >= 0;

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
