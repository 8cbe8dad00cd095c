namespace Payouts.Domain.PayoutBatches;

/// <summary>Why a payable row is not in the credit-transfer file: a stable <see cref="Code"/> and a sentence for people.</summary>
public sealed record TransferExclusion(PayoutBatchRow Row, string Code, string Message);
