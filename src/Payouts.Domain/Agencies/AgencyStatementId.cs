using System.Globalization;
using Payouts.Domain.Periods;
using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.Agencies;

/// <summary>
/// Deterministic agency statement identity: agency + period + version, written "agency~nova~2026-11~v1". The leading
/// "agency" part keeps it apart from a creator statement id ("lea~2026-11~v1"), which has three parts; '~' cannot occur
/// in an agency id or a period key.
/// </summary>
public readonly record struct AgencyStatementId(string AgencyId, PeriodKey Period, int Version)
{
    private const char Separator = '~';
    private const string Prefix = "agency";

    public static bool TryParse(string? text, out AgencyStatementId id)
    {
        id = default;
        var parts = text?.Split(Separator);
        if (parts is not { Length: 4 } || parts[0] != Prefix || !TextRules.IsIdentifier(parts[1]) || !PeriodKey.TryParse(parts[2], out var period)
            || parts[3].Length < 2 || parts[3][0] != 'v'
            || !int.TryParse(parts[3].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            return false;
        }

        id = new AgencyStatementId(parts[1], period, version);
        return true;
    }

    public AgencyStatementId NextVersion() => this with { Version = Version + 1 };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Separator}{AgencyId}{Separator}{Period}{Separator}v{Version}");
}
