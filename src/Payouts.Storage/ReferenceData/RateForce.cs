namespace Payouts.Storage.ReferenceData;

/// <summary>
/// An admin's request to store a rate although it starts inside a period whose close has started: why, and who asked
/// (the platform's principal id, or "master-key" when only the admin key identifies the caller).
/// </summary>
public sealed record RateForce(string Reason, string RequestedBy);
