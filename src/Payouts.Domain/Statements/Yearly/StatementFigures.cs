using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>
/// One issued statement version as a yearly summary counts it: its revenue of the period by type, its prior-period
/// adjustments apart (of any type), the agency's commission and withholding, and its net, all sums of its own lines,
/// with the balance figures it was issued with.
/// </summary>
public sealed record StatementFigures(
    StatementId Id,
    StatementStatus Status,
    Currency Currency,
    Money Gifts,
    Money Deals,
    Money Bonuses,
    Money Adjustments,
    Money AgencyCommission,
    Money Withholding,
    Money Net,
    Money BroughtForward,
    Money Payable,
    Money CarriedForward)
{
    /// <summary>From an issued statement's lines and balance figures (the line amounts in the statement's currency).</summary>
    public static StatementFigures Of(StatementId id, StatementStatus status, IReadOnlyList<StatementLine> lines, Money broughtForward, Money payable, Money carriedForward)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var currency = payable.Currency;
        Money Sum(Func<StatementLine, bool> which) => lines.Where(which).Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
        return new StatementFigures(
            id,
            status,
            currency,
            Sum(l => l.IsRevenue && !l.IsAdjustment && l.Revenue == RevenueType.Gifts),
            Sum(l => l.IsRevenue && !l.IsAdjustment && l.Revenue == RevenueType.Deals),
            Sum(l => l.IsRevenue && !l.IsAdjustment && l.Revenue == RevenueType.Bonuses),
            Sum(l => l.IsRevenue && l.IsAdjustment),
            Sum(l => l.Kind == LineKind.AgencyCommission),
            Sum(l => l.Kind == LineKind.Withholding),
            Sum(_ => true),
            broughtForward,
            payable,
            carriedForward);
    }
}
