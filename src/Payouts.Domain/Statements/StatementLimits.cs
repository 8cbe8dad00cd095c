using System.Globalization;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>
/// The per-statement bound (docs/statements.md, "Limits"): no line and no total of one statement may exceed
/// ±10^15 minor units of the payout currency (10 trillion EUR, 10 trillion IDR, a quadrillion VND or JPY, a trillion
/// KWD). That is far beyond any creator's period and 9,000 times below <see cref="long.MaxValue"/>, so sums of lines
/// within it never come near an overflow. A statement beyond it is <see cref="StatementStatus.Blocked"/> with a reason,
/// never an exception: its records are kept and an operator decides.
/// </summary>
public static class StatementLimits
{
    public const long MaxAbsoluteMinorUnits = 1_000_000_000_000_000;

    /// <summary>The bound in major units of <paramref name="currency"/>, e.g. 10,000,000,000,000.00 EUR.</summary>
    public static Money MaxAbsolute(Currency currency) => new(MaxAbsoluteMinorUnits, currency);

    public static bool IsWithin(Money amount) => amount.MinorUnits is >= -MaxAbsoluteMinorUnits and <= MaxAbsoluteMinorUnits;

    /// <summary>
    /// Every line and total beyond the bound, as a reason an operator can act on, naming the records it adds up
    /// (<paramref name="recordIdsOf"/> a line): a line its own, a subtotal those of its revenue type, the net and the
    /// balance every record's. The brought-forward balance names none: its cause is an earlier statement.
    /// </summary>
    internal static IEnumerable<BlockReason> Exceeded(IReadOnlyList<StatementLine> lines, StatementTotals totals, Func<StatementLine, IEnumerable<string?>> recordIdsOf)
    {
        foreach (var line in lines.Where(l => !IsWithin(l.Amount)))
        {
            yield return Reason($"the line \"{line.Description}\"", line.Amount, recordIdsOf(line));
        }

        IEnumerable<string?> Revenue(RevenueType? type) => lines.Where(l => l.IsRevenue && (type is null || l.Revenue == type)).SelectMany(recordIdsOf);
        (string Name, Money Value, Func<IEnumerable<string?>> Records)[] named =
        [
            ("the gifts subtotal", totals.Gifts, () => Revenue(RevenueType.Gifts)),
            ("the deals subtotal", totals.Deals, () => Revenue(RevenueType.Deals)),
            ("the bonuses subtotal", totals.Bonuses, () => Revenue(RevenueType.Bonuses)),
            ("the agency commission", totals.AgencyCommission, () => Revenue(null)),
            ("the withholding", totals.Withholding, () => Revenue(null)),
            ("the net", totals.Net, () => Revenue(null)),
            ("the brought-forward balance", totals.BroughtForward, () => []),
            ("the balance", totals.Balance, () => Revenue(null)),
        ];
        foreach (var (name, value, records) in named.Where(n => !IsWithin(n.Value)))
        {
            yield return Reason(name, value, records());
        }
    }

    /// <summary>Amounts so large that even computing them overflowed: the bound is exceeded, by how much is unknown.</summary>
    internal static string TooLargeToCompute(Currency currency) =>
        $"the amounts are too large to compute, beyond the per-statement bound of ±{Format(MaxAbsolute(currency))}: {Advice}";

    private const string Advice = "check the period's record quantities, coin values and deal amounts, and the rates, then rebuild";

    private static BlockReason Reason(string what, Money value, IEnumerable<string?> recordIds) =>
        BlockReason.Of(BlockCodes.TooLarge, $"{what} is {Format(value)}, beyond the per-statement bound of ±{Format(MaxAbsolute(value.Currency))}: {Advice}", recordIds);

    private static string Format(Money money) =>
        $"{money.Amount.ToString("N" + money.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {money.Currency.Code}";
}
