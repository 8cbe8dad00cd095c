namespace Payouts.Application.Statements;

/// <summary>
/// A period's own stored records by where they were counted: by the period's own statements, by a later statement
/// (as prior-period adjustments), or not yet. Once every statement of the period is issued, <see cref="NotYetCounted"/>
/// is 0, and <c>Stored = CountedInThisPeriod + CountedLater + NotYetCounted</c> always.
/// </summary>
public sealed record RecordReconciliation(long Stored, long CountedInThisPeriod, long CountedLater)
{
    /// <summary>Refunds of the period accepted before their gift arrived: not stored with the records yet, so not counted.</summary>
    public long WaitingForTheirGift { get; init; }

    public long NotYetCounted => Stored - CountedInThisPeriod - CountedLater;
}
