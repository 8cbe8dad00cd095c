using System.Collections.Frozen;

namespace Payouts.Domain.Records.Scope;

/// <summary>The names operators write in configuration for <see cref="PartnerRecordTypes"/>: "gifts", "deals", "bonuses".</summary>
public static class PartnerRecordTypeNames
{
    private static readonly FrozenDictionary<string, PartnerRecordTypes> Names = new Dictionary<string, PartnerRecordTypes>(StringComparer.OrdinalIgnoreCase)
    {
        ["gifts"] = PartnerRecordTypes.Gifts,
        ["deals"] = PartnerRecordTypes.Deals,
        ["bonuses"] = PartnerRecordTypes.Bonuses,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names, as documented, e.g. for an error message.</summary>
    public static IReadOnlyList<string> Known { get; } = ["gifts", "deals", "bonuses"];

    /// <summary>
    /// The union of the named types (case-insensitive); no names at all means every type, today's behaviour. False,
    /// with the names it does not know, when any name is not a record type.
    /// </summary>
    public static bool TryParse(IEnumerable<string> names, out PartnerRecordTypes types, out IReadOnlyList<string> unknown)
    {
        var bad = new List<string>();
        var any = false;
        types = PartnerRecordTypes.None;
        foreach (var name in names)
        {
            any = true;
            if (Names.TryGetValue(name.Trim(), out var type))
            {
                types |= type;
            }
            else
            {
                bad.Add(name);
            }
        }

        if (!any)
        {
            types = PartnerRecordTypes.All;
        }

        unknown = bad;
        return bad.Count == 0;
    }

    public static string WireName(this PartnerRecordTypes type) => type switch
    {
        PartnerRecordTypes.Gifts => "gifts",
        PartnerRecordTypes.Deals => "deals",
        PartnerRecordTypes.Bonuses => "bonuses",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only a single record type has a name."),
    };
}
