using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Agencies;

/// <summary>
/// Splits a creator statement's commission lines into what the agency earned on gifts, deals and bonuses of the period
/// and on prior-period adjustments. A commission line is <c>−round(rate × Σ revenue lines of its type and rate)</c>
/// (DOMAIN.md §4.5); its adjustment part is <c>round(rate × Σ of those lines that are adjustments)</c>, rounded once
/// per line like the line itself, and the period's part is the rest: so the parts always add up to the lines exactly.
/// Before splitting, the lines are checked against the contract's rates and the header's total: a statement whose
/// commission cannot be re-derived to the cent is reported, never split by guesswork.
/// </summary>
internal static class CommissionSplit
{
    private static readonly RevenueType[] RevenueTypes = [RevenueType.Gifts, RevenueType.Deals, RevenueType.Bonuses];

    public static AgencyCommission Of(CreatorStatementInput statement, List<BlockReason> problems)
    {
        var currency = statement.Currency;
        if (statement.Lines.Any(l => l.Amount.Currency != currency) || statement.AgencyCommission.Currency != currency)
        {
            problems.Add(Inconsistent(statement, $"its lines are not all in its currency {currency.Code}"));
            return AgencyCommission.Zero(currency);
        }

        var period = new Money[RevenueTypes.Length];
        var adjustments = Money.Zero(currency);
        for (var i = 0; i < RevenueTypes.Length; i++)
        {
            var type = RevenueTypes[i];
            var charged = -Sum(statement.Lines.Where(l => l.Kind == LineKind.AgencyCommission && l.Revenue == type), currency);
            var expected = Money.Zero(currency);
            var adjustmentPart = Money.Zero(currency);
            var groups = statement.Lines
                .Where(l => l.IsRevenue && l.Revenue == type)
                .GroupBy(l => l.AgencyCommissionOverride ?? statement.ContractRates.For(type));
            foreach (var group in groups)
            {
                var rate = group.Key.Value;
                expected += Money.Round(rate * Sum(group, currency).Amount, currency);
                adjustmentPart += Money.Round(rate * Sum(group.Where(l => l.IsAdjustment), currency).Amount, currency);
            }

            if (expected != charged)
            {
                problems.Add(Inconsistent(statement, $"its {type.ToString().ToLowerInvariant()} commission lines charge {charged}, its contract's rates give {expected}"));
            }

            period[i] = charged - adjustmentPart;
            adjustments += adjustmentPart;
        }

        var commission = new AgencyCommission(period[0], period[1], period[2], adjustments);
        if (commission.Total != -statement.AgencyCommission)
        {
            problems.Add(Inconsistent(statement, $"its commission lines add up to {-commission.Total}, its header says {statement.AgencyCommission}"));
        }

        return commission;
    }

    private static BlockReason Inconsistent(CreatorStatementInput statement, string why) =>
        BlockReason.Of(AgencyBlockCodes.CreatorStatementInconsistent, $"creator statement {statement.Id} does not reconcile: {why}");

    private static Money Sum(IEnumerable<StatementLine> lines, Currency currency) =>
        lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
}
