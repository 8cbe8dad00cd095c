using System.Globalization;
using NCrontab;

namespace Payouts.DevHost.Timers;

/// <summary>A timer trigger's schedule as the Functions host reads it: a 6-field NCrontab expression (with seconds), a 5-field one, or a TimeSpan interval.</summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan? _interval;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan? interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is 5 or 6)
        {
            return new TimerSchedule(expression, CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 }), null);
        }

        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(expression, null, interval);
        }

        throw new FormatException($"'{expression}' is neither an NCrontab expression nor a TimeSpan.");
    }

    /// <summary>The next occurrence strictly after <paramref name="after"/> (UTC, as on Linux plans).</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        _cron is not null
            ? new DateTimeOffset(DateTime.SpecifyKind(_cron.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc))
            : after + _interval!.Value;
}
