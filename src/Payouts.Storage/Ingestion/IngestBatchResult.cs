namespace Payouts.Storage.Ingestion;

/// <summary>Per-record outcomes of one batch, in input order, with the counts partners reconcile against.</summary>
public sealed record IngestBatchResult(IReadOnlyList<RecordOutcome> Results)
{
    public int Accepted => Results.Count(r => r.Status == RecordStatus.Accepted);

    public int Duplicates => Results.Count(r => r.Status == RecordStatus.Duplicate);

    public int Rejected => Results.Count(r => r.Status == RecordStatus.Rejected);
}
