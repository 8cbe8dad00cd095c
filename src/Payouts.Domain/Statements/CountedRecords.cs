using Payouts.Domain.Records;

namespace Payouts.Domain.Statements;

/// <summary>
/// The records one read counts once voids are applied (<see cref="VoidCancellation"/>), and how many rows cancelled out.
/// </summary>
public sealed record CountedRecords(
    IReadOnlyList<GiftRecord> Gifts,
    IReadOnlyList<GiftVoid> GiftVoids,
    IReadOnlyList<DealRecord> Deals,
    IReadOnlyList<DealRecord> DealVoids,
    int Cancelled);
