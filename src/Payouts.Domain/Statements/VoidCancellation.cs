using Payouts.Domain.Records;

namespace Payouts.Domain.Statements;

/// <summary>
/// A voided record never counts. Read together with its void, neither counts: a deal and its void drop out; a gift,
/// its void and its refunds in the same read drop out, since the void took back exactly what the refunds had not.
/// What is left is counted: a void whose record an earlier read counted is reversed on a line of its own, and a gift
/// whose refunds are stored elsewhere (a later period) keeps only what those refunds took, which they reverse when
/// they are counted. So over all statements a voided record and everything about it add up to zero, and a voided
/// record that was never counted needs no rate: it cannot block a statement.
/// </summary>
public static class VoidCancellation
{
    public static CountedRecords Apply(
        IReadOnlyList<GiftRecord> gifts,
        IReadOnlyList<GiftVoid> giftVoids,
        IReadOnlyList<DealRecord> deals,
        IReadOnlyList<DealRecord> dealVoids)
    {
        ArgumentNullException.ThrowIfNull(gifts);
        ArgumentNullException.ThrowIfNull(giftVoids);
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(dealVoids);
        var cancelled = 0;
        var giftsInRead = new Dictionary<(string, string), GiftRecord>();
        foreach (var gift in gifts.Where(g => g.Kind == GiftKind.Gift))
        {
            giftsInRead.TryAdd(Key(gift), gift);
        }

        var dropped = new HashSet<(string, string)>();
        var reduced = new Dictionary<(string, string), int>();
        var voidsLeft = new List<GiftVoid>();
        foreach (var voided in giftVoids)
        {
            if (!giftsInRead.TryGetValue(Key(voided.Gift), out var gift))
            {
                voidsLeft.Add(voided);
                continue;
            }

            var refunds = gifts.Where(r => r.Kind == GiftKind.Refund && r.PartnerId == gift.PartnerId && r.OriginalRecordId == gift.RecordId).ToList();
            var kept = gift.Quantity - voided.Quantity;
            cancelled++;
            if (kept - refunds.Sum(r => (long)r.Quantity) == 0)
            {
                dropped.Add(Key(gift));
                dropped.UnionWith(refunds.Select(Key));
                cancelled += 1 + refunds.Count;
            }
            else if (kept > 0)
            {
                reduced[Key(gift)] = kept;
            }
            else
            {
                dropped.Add(Key(gift));
                cancelled++;
            }
        }

        var dealsInRead = deals.Select(Key).ToHashSet();
        var voidedInRead = dealVoids.Select(Key).Where(dealsInRead.Contains).ToHashSet();
        cancelled += 2 * voidedInRead.Count;

        // Calculation is order-independent; a stable order keeps logs and line numbering reproducible.
        return new CountedRecords(
            Ordered(gifts.Where(g => !dropped.Contains(Key(g))).Select(g => reduced.TryGetValue(Key(g), out var q) ? g with { Quantity = q } : g), Key),
            Ordered(voidsLeft, v => Key(v.Gift)),
            Ordered(deals.Where(d => !voidedInRead.Contains(Key(d))), Key),
            Ordered(dealVoids.Where(d => !voidedInRead.Contains(Key(d))), Key),
            cancelled);
    }

    private static List<T> Ordered<T>(IEnumerable<T> items, Func<T, (string PartnerId, string RecordId)> key) =>
        [.. items.OrderBy(i => key(i).PartnerId, StringComparer.Ordinal).ThenBy(i => key(i).RecordId, StringComparer.Ordinal)];

    private static (string PartnerId, string RecordId) Key(GiftRecord gift) => (gift.PartnerId, gift.RecordId);

    private static (string PartnerId, string RecordId) Key(DealRecord deal) => (deal.PartnerId, deal.RecordId);
}
