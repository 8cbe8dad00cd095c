using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Periods;

namespace Payouts.Application.PayoutBatches;

/// <summary>Every batch version a period has had, create-only: a version, once handed out, never changes.</summary>
public interface IPayoutBatchArchive
{
    Task<PayoutBatch?> GetLatestAsync(PeriodKey period, CancellationToken ct);

    Task<PayoutBatch?> GetAsync(PeriodKey period, int version, CancellationToken ct);

    /// <summary>Stores a new version; false when that version exists already (another request stored it first).</summary>
    Task<bool> TryCreateAsync(PayoutBatch batch, CancellationToken ct);
}
