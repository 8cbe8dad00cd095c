using Payouts.Domain.Records.Validation;

namespace Payouts.Storage.Ingestion;

/// <summary>Records with no rule against stored data (deals).</summary>
public sealed class NoAdmission<TRecord> : IRecordAdmission<TRecord>
    where TRecord : class
{
    public Task<IReadOnlyList<FieldErrors?>> AdmitAsync(IReadOnlyList<TRecord> records, IReadOnlyList<TRecord> inBatch, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<FieldErrors?>>(new FieldErrors?[records.Count]);
}
