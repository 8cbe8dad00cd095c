using Azure.Data.Tables;

namespace Payouts.Storage.Ingestion;

/// <summary>Records with no rule against stored data (deals).</summary>
public sealed class NoAdmission<TRecord> : IRecordAdmission<TRecord>
    where TRecord : class
{
    public Task<IReadOnlyList<Admission>> AdmitAsync(IReadOnlyList<TRecord> records, IReadOnlyList<TableEntity> rows, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Admission>>([.. records.Select(_ => Admission.Admit)]);

    public Task<IReadOnlyList<TRecord>> WaitingForAsync(TRecord stored, CancellationToken ct) => Task.FromResult<IReadOnlyList<TRecord>>([]);

    public Task ReleasedAsync(TRecord stored, IReadOnlyList<TRecord> released, IReadOnlyList<RecordOutcome> outcomes, CancellationToken ct) => Task.CompletedTask;
}
