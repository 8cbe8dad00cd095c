using Payouts.Domain.Monetary;

namespace Payouts.Domain.PayoutBatches;

/// <summary>How many rows of one currency a batch pays, and their sum, exact in minor units.</summary>
public sealed record CurrencyTotal(Currency Currency, int Count, Money Total);
