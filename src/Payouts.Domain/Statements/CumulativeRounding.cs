using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>
/// Splits one rounded amount into parts that add up to it exactly: in a fixed order, part i is
/// round(value of the coins up to and including i) − round(value of the coins before i). The last running value is the
/// whole amount, so nothing is lost or made up by rounding, and each part is within one minor unit of its own rounding.
/// </summary>
internal static class CumulativeRounding
{
    public static IEnumerable<(TKey Key, Money Part)> Split<TKey>(IEnumerable<(TKey Key, long Coins)> ordered, Func<long, Money> value)
    {
        var running = 0L;
        var before = value(0);
        foreach (var (key, coins) in ordered)
        {
            running = checked(running + coins);
            var upTo = value(running);
            yield return (key, upTo - before);
            before = upTo;
        }
    }
}
