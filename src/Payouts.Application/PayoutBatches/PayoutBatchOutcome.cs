using Payouts.Domain.PayoutBatches;

namespace Payouts.Application.PayoutBatches;

/// <summary>A batch and the latest version its period has, or what is still pending.</summary>
public sealed record PayoutBatchOutcome(PayoutBatchResult Result, PayoutBatch? Batch = null, int LatestVersion = 0, IReadOnlyList<string>? Pending = null);
