using System.Globalization;
using Payouts.Domain.Periods;
using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.Statements;

/// <summary>
/// Deterministic statement identity: creator + period + version, written "lea~2026-11~v1". Building the same statement
/// twice gives the same id, which is what makes issuing idempotent. '~' cannot occur in a creator id or a period key.
/// </summary>
public readonly record struct StatementId(string CreatorId, PeriodKey Period, int Version)
{
    private const char Separator = '~';

    public static bool TryParse(string? text, out StatementId id)
    {
        id = default;
        var parts = text?.Split(Separator);
        if (parts is not { Length: 3 } || !TextRules.IsIdentifier(parts[0]) || !PeriodKey.TryParse(parts[1], out var period)
            || parts[2].Length < 2 || parts[2][0] != 'v'
            || !int.TryParse(parts[2].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            return false;
        }

        id = new StatementId(parts[0], period, version);
        return true;
    }

    public StatementId NextVersion() => this with { Version = Version + 1 };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CreatorId}{Separator}{Period}{Separator}v{Version}");
}
