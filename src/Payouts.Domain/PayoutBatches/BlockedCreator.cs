namespace Payouts.Domain.PayoutBatches;

/// <summary>
/// A creator whose statement of the period is blocked: not paid in this batch, listed with its block codes (sorted,
/// distinct) so the finance team sees who waits and why. Fixed and closed again, the statement is paid by the next
/// version.
/// </summary>
public sealed record BlockedCreator(string CreatorId, IReadOnlyList<string> Codes)
{
    public static BlockedCreator Of(string creatorId, IEnumerable<string> codes) =>
        new(creatorId, [.. codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public bool SameAs(BlockedCreator other) =>
        other is not null && string.Equals(CreatorId, other.CreatorId, StringComparison.Ordinal) && Codes.SequenceEqual(other.Codes, StringComparer.Ordinal);
}
