namespace Payouts.Domain.Statements;

/// <summary>
/// Why a statement is blocked, for a machine and a person: a stable <see cref="Code"/> (<see cref="BlockCodes"/>), the
/// readable message, and the records involved (partner record ids; empty when the cause is not a record).
/// </summary>
public sealed record BlockReason(string Code, string Message, IReadOnlyList<string> RecordIds)
{
    /// <summary>Records involved beyond <see cref="RecordIds"/>: a stored reason keeps only the first ids, and counts the rest.</summary>
    public int MoreRecords { get; init; }

    public static BlockReason Of(string code, string message, IEnumerable<string?>? recordIds = null) =>
        new(code, message, [.. (recordIds ?? []).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
}
