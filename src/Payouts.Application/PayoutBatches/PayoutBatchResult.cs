namespace Payouts.Application.PayoutBatches;

public enum PayoutBatchResult
{
    /// <summary>The batch (the latest version, or the one asked for).</summary>
    Ready,

    /// <summary>The period is not closed, or some of its statements are not built yet: the reasons say which.</summary>
    Pending,

    /// <summary>No such version of the period's batch.</summary>
    NotFound,
}
