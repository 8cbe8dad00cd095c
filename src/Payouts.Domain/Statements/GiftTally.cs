namespace Payouts.Domain.Statements;

/// <summary>Running sums for one gift line. A mutable struct on purpose: it lives in an array or dictionary slot and is updated in place.</summary>
internal struct GiftTally
{
    public long Coins;
    public int Records;
    public long Gifts;
    public int Refunds;

    public readonly bool IsEmpty => Records == 0;

    public void Add(in GiftEntry entry)
    {
        Coins = checked(Coins + entry.Coins.Value);
        Records++;
        Gifts += entry.Quantity;
        if (entry.IsRefund)
        {
            Refunds++;
        }
    }
}
