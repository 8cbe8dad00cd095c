namespace Payouts.Storage.Ingestion;

/// <summary>
/// The outcome of one record, reported back in input order. A rejected record is either invalid (field errors) or
/// valid but in <see cref="IsConflict">conflict</see> with what is stored: its id holds other content, or it is a
/// refund beyond what its gift has left to take back.
/// </summary>
public sealed record RecordOutcome(int Index, string? RecordId, RecordStatus Status, IReadOnlyDictionary<string, string[]>? Errors = null, bool IsConflict = false)
{
    /// <summary>A record whose id was stored before with other content (the field is <c>recordId</c>).</summary>
    public static RecordOutcome Conflicting(int index, string? recordId, string message) =>
        new(index, recordId, RecordStatus.Rejected, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["recordId"] = [message] }, IsConflict: true);

    /// <summary>One line for IngestRejected and logs: <c>field: message; …</c>, prefixed <c>conflict; </c> for a conflict.</summary>
    public string Reason =>
        (IsConflict ? "conflict; " : string.Empty) + string.Join("; ", (Errors ?? new Dictionary<string, string[]>()).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
