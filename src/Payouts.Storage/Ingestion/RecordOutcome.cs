namespace Payouts.Storage.Ingestion;

/// <summary>The outcome of one record, reported back in input order.</summary>
public sealed record RecordOutcome(int Index, string? RecordId, RecordStatus Status, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static IReadOnlyDictionary<string, string[]> Conflict(string message) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { ["recordId"] = [message] };
}
