namespace Payouts.Storage.ReferenceData;

/// <summary>What publishing a rate version did.</summary>
public enum RatePublicationOutcome
{
    /// <summary>Stored: it changes nothing an issued statement used.</summary>
    Added,

    /// <summary>Stored by force although it starts inside a period whose close has started; the force is recorded.</summary>
    AddedByForce,

    /// <summary>The same version with the same value was already stored: nothing changed.</summary>
    Unchanged,

    /// <summary>A version of that rate starting that day exists with another value or version id; it stays.</summary>
    VersionExists,

    /// <summary>Refused: it would apply to records that issued statements already valued, and it was not forced.</summary>
    InsideIssuedPeriod,
}
