namespace Payouts.Domain.Records.Scope;

/// <summary>
/// The record families a partner may send. A deal whose type is <c>eventBonus</c> is a bonus, every other deal type is
/// a deal, so a partner can be allowed bonuses without brand deals (or the other way round).
/// </summary>
[Flags]
public enum PartnerRecordTypes
{
    None = 0,
    Gifts = 1,
    Deals = 2,
    Bonuses = 4,
    All = Gifts | Deals | Bonuses,
}
