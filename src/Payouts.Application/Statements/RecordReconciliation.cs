namespace Payouts.Application.Statements;

/// <summary>
/// A period's own stored records by where they were counted: by the period's own statements, by a later statement
/// (as prior-period adjustments), or not yet. Once every statement of the period is issued, <see cref="NotYetCounted"/>
/// is 0, and <c>Stored = CountedInThisPeriod + CountedLater + NotYetCounted</c> always.
/// </summary>
public sealed record RecordReconciliation(long Stored, long CountedInThisPeriod, long CountedLater)
{
    /// <summary>How many waiting refunds a reconciliation names (<see cref="Waiting"/>); the rest are counted only.</summary>
    public const int MaxWaitingListed = 100;

    /// <summary>Refunds of the period accepted before their gift arrived: not stored with the records yet, so not counted.</summary>
    public long WaitingForTheirGift { get; init; }

    /// <summary>The first <see cref="MaxWaitingListed"/> of those refunds, by creator, partner and record id.</summary>
    public IReadOnlyList<WaitingRefund> Waiting { get; init; } = [];

    public long NotYetCounted => Stored - CountedInThisPeriod - CountedLater;
}
