using Payouts.Domain.Records.Validation;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Rules a record must meet against what is already stored (a refund against its gift), checked after its id is
/// claimed and before anything else is written. A refused record's claim is withdrawn, as if it had never come.
/// </summary>
public interface IRecordAdmission<TRecord>
    where TRecord : class
{
    /// <summary>Per record (same order), null when admitted or the field errors that refuse it.</summary>
    Task<IReadOnlyList<FieldErrors?>> AdmitAsync(IReadOnlyList<TRecord> records, IReadOnlyList<TRecord> inBatch, CancellationToken ct);
}
