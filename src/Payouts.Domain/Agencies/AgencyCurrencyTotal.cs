using Payouts.Domain.Monetary;

namespace Payouts.Domain.Agencies;

/// <summary>The agency's commission in one currency: a sum of its creators' lines in that currency, and how many they are.</summary>
public sealed record AgencyCurrencyTotal(Currency Currency, int Creators, AgencyCommission Commission);
