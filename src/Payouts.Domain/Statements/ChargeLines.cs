using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>Agency commission (per revenue type and rate) and withholding: each a negative line, rounded once.</summary>
internal static class ChargeLines
{
    private static readonly RevenueType[] RevenueTypes = [RevenueType.Gifts, RevenueType.Deals, RevenueType.Bonuses];

    /// <summary>
    /// One line per revenue type and rate. Adjustments and refunds count toward their type, so a refunded gift gives
    /// the agency's share back. A deal's own rate overrides the contract's for that deal's line.
    /// </summary>
    public static IEnumerable<StatementLine> AgencyCommission(IReadOnlyList<StatementLine> revenue, CreatorContract contract)
    {
        if (contract.AgencyId is null)
        {
            // Nobody to pay: a creator without an agency is charged no commission, whatever a deal's own rate says.
            yield break;
        }

        foreach (var type in RevenueTypes)
        {
            var byRate = revenue
                .Where(l => l.Revenue == type)
                .GroupBy(l => l.AgencyCommissionOverride ?? contract.AgencyCommission.For(type))
                .Where(g => !g.Key.IsZero)
                .OrderBy(g => g.Key.Value);
            foreach (var group in byRate)
            {
                var rate = group.Key;
                var basis = Sum(group, contract.PayoutCurrency);
                var overridden = group.Any(l => l.AgencyCommissionOverride is not null);
                yield return new StatementLine
                {
                    Kind = LineKind.AgencyCommission,
                    Revenue = type,
                    Description = $"Agency commission, {type.ToString().ToLowerInvariant()} {rate}{(overridden ? " (deal rate)" : string.Empty)}",
                    Amount = Money.Round(-(rate.Value * basis.Amount), contract.PayoutCurrency),
                    Sources = new LineSources(group.Count(), 0, 0),
                    Rate = rate,
                    Base = basis,
                    Rates = [new AppliedRate($"agencyCommission.{type.ToString().ToLowerInvariant()}", overridden ? "deal" : "contract", rate.Value)],
                };
            }
        }
    }

    /// <summary>Withholding on what the creator earned after the agency's share: −round(rate × (gross − commission)).</summary>
    public static StatementLine? Withholding(IReadOnlyList<StatementLine> revenueAndCommission, CreatorContract contract)
    {
        if (contract.Withholding.IsZero || revenueAndCommission.Count == 0)
        {
            return null;
        }

        var basis = Sum(revenueAndCommission, contract.PayoutCurrency);
        return new StatementLine
        {
            Kind = LineKind.Withholding,
            Description = $"Withholding {contract.Withholding}",
            Amount = Money.Round(-(contract.Withholding.Value * basis.Amount), contract.PayoutCurrency),
            Sources = new LineSources(revenueAndCommission.Count, 0, 0),
            Rate = contract.Withholding,
            Base = basis,
            Rates = [new AppliedRate("withholding", "contract", contract.Withholding.Value)],
        };
    }

    public static Money Sum(IEnumerable<StatementLine> lines, Currency currency) =>
        lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
}
