using System.Globalization;
using Payouts.Domain.Periods;
using Payouts.Application.Statements;

namespace Payouts.Application.Settlement;

/// <summary>
/// The rows of one record partition a statement counted, as its header records them: "g|2026-11|0|1234" (kind,
/// record period, after, up to). Written and read here only.
/// </summary>
public sealed record SettledRange(RecordKind Kind, PeriodKey RecordPeriod, long After, long UpTo)
{
    public long Count => UpTo - After;

    public static SettledRange? TryParse(string text)
    {
        var parts = text.Split('|');
        return parts.Length == 4 && parts[0] is "g" or "d" && PeriodKey.TryParse(parts[1], out var period)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var after)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var upTo)
            ? new SettledRange(parts[0] == "g" ? RecordKind.Gift : RecordKind.Deal, period, after, upTo)
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Kind == RecordKind.Gift ? "g" : "d")}|{RecordPeriod}|{After}|{UpTo}");
}
