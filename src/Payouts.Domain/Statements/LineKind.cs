namespace Payouts.Domain.Statements;

public enum LineKind
{
    /// <summary>Gifts valued with one set of rate versions.</summary>
    Gifts,

    /// <summary>One brand deal.</summary>
    Deal,

    /// <summary>One challenge or event bonus.</summary>
    Bonus,

    /// <summary>The agency's share of one revenue type at one rate (negative).</summary>
    AgencyCommission,

    /// <summary>Tax withheld under the contract (negative).</summary>
    Withholding,
}
