namespace Payouts.Storage.Corrections;

/// <summary>The steps of a void, in order, where <see cref="IVoidProbe"/> is called.</summary>
public enum VoidStep
{
    /// <summary>A gift's quantity is reserved for the void; no mark or void row yet.</summary>
    Reserved,

    /// <summary>The void row is written: the record no longer counts; the blocked statements are not yet sent.</summary>
    Written,
}
