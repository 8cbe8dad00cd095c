namespace Payouts.DevHost.Demo;

/// <summary>A demo creator's contract, as the admin API takes it.</summary>
public sealed record DemoCreator(
    string CreatorId,
    string Region,
    string Currency,
    string? AgencyId,
    decimal CommissionGifts,
    decimal CommissionDeals,
    decimal CommissionBonuses,
    decimal MinimumPayout,
    string Note);
