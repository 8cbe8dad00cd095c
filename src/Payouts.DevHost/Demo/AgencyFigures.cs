using System.Globalization;
using System.Text.Json;

namespace Payouts.DevHost.Demo;

/// <summary>The figures of one issued agency statement, read from its JSON document.</summary>
public sealed record AgencyFigures(
    string AgencyStatementId,
    string AgencyId,
    int Version,
    IReadOnlyList<string> Creators,
    IReadOnlyList<AgencyTotalFigures> Totals,
    IReadOnlyList<(string CreatorId, string Status)> Unpaid)
{
    public static AgencyFigures Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new AgencyFigures(
            root.GetProperty("agencyStatementId").GetString()!,
            root.GetProperty("agencyId").GetString()!,
            root.GetProperty("version").GetInt32(),
            [.. root.GetProperty("creators").EnumerateArray().Select(c => c.GetProperty("creatorId").GetString()!)],
            [.. root.GetProperty("totals").EnumerateArray().Select(t =>
            {
                var c = t.GetProperty("commission");
                decimal Amount(string name) => decimal.Parse(c.GetProperty(name).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
                return new AgencyTotalFigures(t.GetProperty("currency").GetString()!, t.GetProperty("creators").GetInt32(), Amount("gifts"), Amount("deals"), Amount("bonuses"), Amount("priorPeriodAdjustments"), Amount("total"));
            })],
            [.. root.GetProperty("notPaidThisPeriod").EnumerateArray().Select(u => (u.GetProperty("creatorId").GetString()!, u.GetProperty("status").GetString()!))]);
    }
}
