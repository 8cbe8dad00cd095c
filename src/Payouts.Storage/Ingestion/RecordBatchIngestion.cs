using System.Text.Json;
using NodaTime;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Records.Wire;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Reads every record of a parsed envelope (validation per record), holds each valid one against the partner's scope,
/// and stores those that pass. HTTP and queue ingestion both come through here, so both apply the same checks.
/// </summary>
public sealed class RecordBatchIngestion<TRecord>(
    IngestService<TRecord> store,
    Func<JsonElement, RecordReadContext, RecordReadResult<TRecord>> read,
    PartnerScopeCheck<TRecord> scope,
    SenderIdHasher senderHasher,
    IClock clock)
    where TRecord : class
{
    public async Task<(IngestBatchResult Result, IReadOnlyList<RecordReadResult<TRecord>> Reads)> IngestAsync(
        IngestEnvelope envelope, string partnerId, IngestSource source, CancellationToken ct)
    {
        var context = new RecordReadContext(partnerId, senderHasher, clock.GetCurrentInstant());
        var reads = await scope.ApplyAsync(partnerId, envelope.Records.Select(r => read(r, context)).ToList(), ct);
        return (await store.IngestAsync(partnerId, reads, source, ct), reads);
    }
}
