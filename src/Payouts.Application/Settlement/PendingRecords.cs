namespace Payouts.Application.Settlement;

/// <summary>Rows of one record partition a statement counts: those with <c>FromExclusive &lt; Seq ≤ UpTo</c>.</summary>
public sealed record PendingRecords(SettlementEntry Entry, long UpTo)
{
    public long FromExclusive => Entry.SettledSeq;

    public long Count => UpTo - FromExclusive;

    public SettledRange Range => new(Entry.Kind, Entry.RecordPeriod, FromExclusive, UpTo);
}
