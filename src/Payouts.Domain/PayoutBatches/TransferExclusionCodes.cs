namespace Payouts.Domain.PayoutBatches;

/// <summary>The reasons a row is not paid by the pain.001 file (docs/operations.md lists what to do for each).</summary>
public static class TransferExclusionCodes
{
    public const string NotEur = "not-eur";
    public const string NoPayoutDetails = "no-payout-details";
    public const string ManualMethod = "manual-method";
    public const string OutsideSepa = "outside-sepa";
    public const string AboveSepaMaximum = "above-sepa-maximum";

    /// <summary>Earlier versions' transfer files already paid the creator exactly this payable.</summary>
    public const string AlreadyTransferred = "already-transferred";

    /// <summary>A reissue pays less than earlier versions already transferred: the overpayment is recovered by hand.</summary>
    public const string ReissuePaysLess = "reissue-pays-less";

    /// <summary>The creator's statement is blocked (not a row: listed under the batch's blocked creators).</summary>
    public const string StatementBlocked = "statement-blocked";
}
