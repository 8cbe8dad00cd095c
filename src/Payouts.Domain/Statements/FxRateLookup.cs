global using FxRateLookup = Payouts.Domain.Rates.Lookup<Payouts.Domain.Rates.Versioned<Payouts.Domain.Rates.FxRate>>;
