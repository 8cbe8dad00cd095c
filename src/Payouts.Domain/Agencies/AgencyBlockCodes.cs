namespace Payouts.Domain.Agencies;

/// <summary>Why an agency statement cannot be issued (docs/statements.md, "Agency statements").</summary>
public static class AgencyBlockCodes
{
    /// <summary>A creator statement's commission lines do not add up to its header, or not to what its contract charges.</summary>
    public const string CreatorStatementInconsistent = "creator-statement-inconsistent";

    /// <summary>The contract version a creator statement names cannot be found.</summary>
    public const string ContractVersionMissing = "contract-version-missing";

    /// <summary>A creator statement of another agency or period was given (a defect, never a data problem of a creator).</summary>
    public const string WrongSource = "wrong-source";

    /// <summary>The commission sums overflow (far beyond any real agency).</summary>
    public const string TooLarge = "agency-statement-too-large";
}
