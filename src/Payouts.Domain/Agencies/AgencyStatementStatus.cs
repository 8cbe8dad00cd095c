namespace Payouts.Domain.Agencies;

public enum AgencyStatementStatus
{
    /// <summary>Final: what the agency earned from its creators' statements of the period.</summary>
    Issued,

    /// <summary>The creator statements it would be built from do not reconcile (reasons listed); nothing is issued.</summary>
    Blocked,

    /// <summary>Replaced by a newer version, built after a creator statement of the period changed.</summary>
    Superseded,
}
