using System.Collections.Frozen;
using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.Records.Scope;

/// <summary>
/// What one partner may report: which record types, whether a deal may carry its own agency commission rate, and
/// optionally for which creators and agencies. A record outside the scope gets a field error and is rejected on its
/// own; the rest of its batch is unaffected. <see cref="Unrestricted"/> is today's behaviour.
/// </summary>
/// <remarks>
/// The creator rule: with neither list every creator is in scope; otherwise a creator is in scope when it is listed in
/// <see cref="Creators"/> <em>or</em> its contract (in force on the record's date) names an agency in
/// <see cref="Agencies"/>. The agency half needs the contract, so it is checked by the caller
/// (<see cref="NeedsAgencyOf"/> says when) and reported with <see cref="AddCreatorOutOfScope"/>.
/// </remarks>
public sealed class PartnerScope
{
    public PartnerScope(PartnerRecordTypes types, bool maySetAgencyCommissionRate, IEnumerable<string>? creators, IEnumerable<string>? agencies)
    {
        Types = types;
        MaySetAgencyCommissionRate = maySetAgencyCommissionRate;
        Creators = creators?.ToFrozenSet(StringComparer.Ordinal);
        Agencies = agencies?.ToFrozenSet(StringComparer.Ordinal);
    }

    public static PartnerScope Unrestricted { get; } = new(PartnerRecordTypes.All, maySetAgencyCommissionRate: true, creators: null, agencies: null);

    public PartnerRecordTypes Types { get; }

    public bool MaySetAgencyCommissionRate { get; }

    /// <summary>Creators the partner reports for; null when not restricted by creator.</summary>
    public FrozenSet<string>? Creators { get; }

    /// <summary>Agencies whose creators the partner reports for; null when not restricted by agency.</summary>
    public FrozenSet<string>? Agencies { get; }

    public bool IsUnrestricted => Types == PartnerRecordTypes.All && MaySetAgencyCommissionRate && !RestrictsCreators;

    public bool RestrictsCreators => Creators is not null || Agencies is not null;

    public void Check(GiftRecord record, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(errors);
        if (!Types.HasFlag(PartnerRecordTypes.Gifts))
        {
            errors.Add("record", "this partner may not send gifts");
        }

        CheckListedCreator(record.CreatorId, errors);
    }

    public void Check(DealRecord record, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(errors);
        var family = record.Type == DealType.EventBonus ? PartnerRecordTypes.Bonuses : PartnerRecordTypes.Deals;
        if (!Types.HasFlag(family))
        {
            errors.Add("type", $"\"{record.Type.WireName()}\" is {(family == PartnerRecordTypes.Bonuses ? "a bonus" : "a brand deal")}, which this partner may not send");
        }

        if (record.AgencyCommissionRate is not null && !MaySetAgencyCommissionRate)
        {
            errors.Add("agencyCommissionRate", "this partner may not set a deal's commission rate: leave it out and the contract's rate applies");
        }

        CheckListedCreator(record.CreatorId, errors);
    }

    /// <summary>True when whether <paramref name="creatorId"/> is in scope depends on its contract's agency.</summary>
    public bool NeedsAgencyOf(string creatorId) => Agencies is not null && Creators?.Contains(creatorId) != true;

    /// <summary>Whether an agency named on a creator's contract (null: none, or no contract) puts the creator in scope.</summary>
    public bool CoversAgency(string? agencyId) => Agencies is null || (agencyId is not null && Agencies.Contains(agencyId));

    public static void AddCreatorOutOfScope(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Add("creatorId", "is outside this partner's scope: not one of its creators, and the creator's contract on the record's date names none of its agencies");
    }

    /// <summary>Only the list half; with an agency list too the caller decides after looking at the contract.</summary>
    private void CheckListedCreator(string creatorId, FieldErrors errors)
    {
        if (Creators is not null && Agencies is null && !Creators.Contains(creatorId))
        {
            errors.Add("creatorId", "is not one of the creators this partner reports for");
        }
    }
}
