using System.Text.Json;
using NodaTime;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Records.Wire;

namespace Payouts.Storage.Ingestion;

/// <summary>Reads every record of a parsed envelope (validation per record) and stores the valid ones.</summary>
public sealed class RecordBatchIngestion<TRecord>(
    IngestService<TRecord> store,
    Func<JsonElement, RecordReadContext, RecordReadResult<TRecord>> read,
    SenderIdHasher senderHasher,
    IClock clock)
    where TRecord : class
{
    public async Task<(IngestBatchResult Result, IReadOnlyList<RecordReadResult<TRecord>> Reads)> IngestAsync(
        IngestEnvelope envelope, string partnerId, IngestSource source, CancellationToken ct)
    {
        var context = new RecordReadContext(partnerId, senderHasher, clock.GetCurrentInstant());
        var reads = envelope.Records.Select(r => read(r, context)).ToList();
        return (await store.IngestAsync(partnerId, reads, source, ct), reads);
    }
}
