namespace Payouts.Domain.Agencies;

/// <summary>Where one creator of the agency stands in the period, as its own statement says.</summary>
public enum AgencyCreatorStatus
{
    /// <summary>The creator's statement is issued with an amount to pay.</summary>
    Issued,

    /// <summary>
    /// The creator's statement is issued but pays nothing: the balance is under the minimum payout and carried forward.
    /// The agency's commission on it was charged all the same, so it counts.
    /// </summary>
    CarriedForward,

    /// <summary>The creator's statement could not be built (a data problem): no amount, nothing counted yet.</summary>
    Blocked,
}
