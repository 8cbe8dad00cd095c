namespace Payouts.Storage.ReferenceData;

/// <summary>What an insert-only write of a reference-data version did: a stored version is never changed.</summary>
public enum VersionWrite
{
    /// <summary>The version did not exist; it is stored now.</summary>
    Added,

    /// <summary>The same version with the same content was already there: nothing changed (a safe resend).</summary>
    Unchanged,

    /// <summary>A version with the same key and start date exists with other content; it stays as it was.</summary>
    Conflict,
}
