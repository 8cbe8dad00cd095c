using NodaTime;

namespace Payouts.Storage.Corrections;

/// <summary>A void's audit columns: who voided the record, when and why; for a gift, the quantity it took back.</summary>
public sealed record RecordVoidAudit(string VoidedBy, Instant VoidedAt, string Reason)
{
    public long? Quantity { get; init; }
}
