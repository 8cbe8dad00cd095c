using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Scope;
using Payouts.Domain.Records.Validation;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Records.Scope;

public sealed class PartnerScopeTests
{
    private static readonly GiftRecord LeaGift = Gift("g1", 1, 1, At(5));
    private static readonly DealRecord Placement = Deal("d1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(5));
    private static readonly DealRecord Bonus = Deal("b1", DealType.EventBonus, DealAmount.OfDiamonds(10m), At(5), brand: null);

    [Fact]
    public void Unrestricted_AllowsEveryRecord()
    {
        var errors = Check(PartnerScope.Unrestricted, LeaGift, Placement, Bonus, Deal("c1", DealType.SponsoredLive, DealAmount.Of(1m, Currency.EUR), At(5), commission: new Share(0.2m)));

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.True(PartnerScope.Unrestricted.IsUnrestricted);
    }

    [Fact]
    public void Check_GiftsNotAllowed_ErrorOnRecord()
    {
        var errors = Check(Scope(PartnerRecordTypes.Deals | PartnerRecordTypes.Bonuses), LeaGift);

        Assert.Equal("record: this partner may not send gifts", errors.ToString());
    }

    [Fact]
    public void Check_BonusesOnly_BrandDealRejectedOnTypeAndBonusAllowed()
    {
        var scope = Scope(PartnerRecordTypes.Bonuses);

        Assert.True(Check(scope, Bonus).IsEmpty);
        Assert.True(Check(scope, Placement).Has("type"));
    }

    [Fact]
    public void Check_DealsOnly_BonusRejectedOnType() =>
        Assert.Contains("a bonus", Check(Scope(PartnerRecordTypes.Deals), Bonus).ToString(), StringComparison.Ordinal);

    [Fact]
    public void Check_CommissionNotAllowed_OnlyADealThatSetsItIsRejected()
    {
        var scope = new PartnerScope(PartnerRecordTypes.All, maySetAgencyCommissionRate: false, null, null);

        Assert.True(Check(scope, Placement).IsEmpty);
        Assert.True(Check(scope, Placement with { AgencyCommissionRate = new Share(0.1m) }).Has("agencyCommissionRate"));
    }

    [Fact]
    public void Check_CreatorListOnly_UnlistedCreatorRejectedWithoutAContractLookup()
    {
        var scope = new PartnerScope(PartnerRecordTypes.All, true, ["lea"], null);

        Assert.True(Check(scope, LeaGift).IsEmpty);
        Assert.True(Check(scope, LeaGift with { CreatorId = "max" }).Has("creatorId"));
        Assert.False(scope.NeedsAgencyOf("max"));
    }

    [Fact]
    public void AgencyList_ListedCreatorNeedsNoLookupOthersDo()
    {
        var scope = new PartnerScope(PartnerRecordTypes.All, true, ["lea"], ["nova"]);

        Assert.False(scope.NeedsAgencyOf("lea"));
        Assert.True(scope.NeedsAgencyOf("max"));
        Assert.True(Check(scope, LeaGift with { CreatorId = "max" }).IsEmpty);
        Assert.True(scope.CoversAgency("nova"));
        Assert.False(scope.CoversAgency("orbit"));
        Assert.False(scope.CoversAgency(null));
    }

    [Theory]
    [InlineData(new string[0], PartnerRecordTypes.All, true)]
    [InlineData(new[] { "gifts" }, PartnerRecordTypes.Gifts, true)]
    [InlineData(new[] { "Deals", " bonuses " }, PartnerRecordTypes.Deals | PartnerRecordTypes.Bonuses, true)]
    [InlineData(new[] { "gift" }, PartnerRecordTypes.None, false)]
    [InlineData(new[] { "deals", "eventBonus" }, PartnerRecordTypes.Deals, false)]
    public void TryParse_Names_UnionOfKnownOnes(string[] names, PartnerRecordTypes expected, bool ok)
    {
        Assert.Equal(ok, PartnerRecordTypeNames.TryParse(names, out var types, out var unknown));
        Assert.Equal(expected, types);
        Assert.Equal(ok, unknown.Count == 0);
    }

    private static PartnerScope Scope(PartnerRecordTypes types) => new(types, maySetAgencyCommissionRate: true, null, null);

    private static FieldErrors Check(PartnerScope scope, params object[] records)
    {
        var errors = new FieldErrors();
        foreach (var record in records)
        {
            switch (record)
            {
                case GiftRecord gift:
                    scope.Check(gift, errors);
                    break;
                case DealRecord deal:
                    scope.Check(deal, errors);
                    break;
            }
        }

        return errors;
    }
}
