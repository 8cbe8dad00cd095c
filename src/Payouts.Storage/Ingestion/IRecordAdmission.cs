using Azure.Data.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Rules a record must meet against what is already stored (a refund against its gift), checked after its id is
/// claimed and before anything else is written. A refused new record's claim is withdrawn, as if it had never come; a
/// waiting one is kept aside (its claim stands) and released when what it waits for is stored.
/// </summary>
public interface IRecordAdmission<TRecord>
    where TRecord : class
{
    /// <param name="rows">The row each record would be stored as, same order (kept aside as is when it must wait).</param>
    Task<IReadOnlyList<Admission>> AdmitAsync(IReadOnlyList<TRecord> records, IReadOnlyList<TableEntity> rows, CancellationToken ct);

    /// <summary>Records kept waiting for <paramref name="stored"/> (just stored): to ingest now.</summary>
    Task<IReadOnlyList<TRecord>> WaitingForAsync(TRecord stored, CancellationToken ct);

    /// <summary>
    /// After <see cref="WaitingForAsync"/>'s records went through ingest (<paramref name="outcomes"/>, same order): take
    /// them out of waiting; one refused now was accepted when it came, so it is kept in IngestRejected with the reason.
    /// </summary>
    Task ReleasedAsync(TRecord stored, IReadOnlyList<TRecord> released, IReadOnlyList<RecordOutcome> outcomes, CancellationToken ct);
}
