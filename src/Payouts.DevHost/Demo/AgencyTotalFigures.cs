namespace Payouts.DevHost.Demo;

/// <summary>An agency statement's commission in one currency, by revenue type.</summary>
public sealed record AgencyTotalFigures(string Currency, int Creators, decimal Gifts, decimal Deals, decimal Bonuses, decimal PriorPeriodAdjustments, decimal Total);
