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

    /// <summary>
    /// The reversal of one voided record that an earlier statement counted: its value negated (a gift at its own rates),
    /// naming the record and its period. Revenue of the record's type, so the agency's share is given back with it.
    /// </summary>
    Void,
}
