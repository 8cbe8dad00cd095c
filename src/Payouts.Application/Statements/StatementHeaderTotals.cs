namespace Payouts.Application.Statements;

/// <summary>A stored statement's totals, in minor units of the statement's currency.</summary>
public sealed record StatementHeaderTotals(
    long Gifts,
    long Deals,
    long Bonuses,
    long AgencyCommission,
    long Withholding,
    long Net,
    long BroughtForward,
    long Payable,
    long CarriedForward);
