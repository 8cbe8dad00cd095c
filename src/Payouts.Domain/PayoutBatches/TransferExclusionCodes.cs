namespace Payouts.Domain.PayoutBatches;

/// <summary>The reasons a payable row is paid outside the pain.001 file (docs/operations.md lists what to do for each).</summary>
public static class TransferExclusionCodes
{
    public const string NotEur = "not-eur";
    public const string NoPayoutDetails = "no-payout-details";
    public const string ManualMethod = "manual-method";
    public const string OutsideSepa = "outside-sepa";
    public const string AboveSepaMaximum = "above-sepa-maximum";
}
