namespace Payouts.Domain.Signing;

public enum SignatureCheck
{
    Valid,

    /// <summary>No signature header.</summary>
    Missing,

    /// <summary>Not of the form t=...,v1=...</summary>
    Malformed,

    /// <summary>The timestamp is outside the tolerance window (too old: a replay; too new: a skewed clock).</summary>
    Expired,

    /// <summary>No active secret produces this signature.</summary>
    Mismatch,
}
