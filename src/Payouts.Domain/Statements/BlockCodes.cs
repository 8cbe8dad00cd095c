namespace Payouts.Domain.Statements;

/// <summary>The codes a blocked statement gives (documented in docs/statements.md, "Blocked statements").</summary>
public static class BlockCodes
{
    /// <summary>No contract in force for the creator on the period's last day.</summary>
    public const string NoContract = "no-contract";

    /// <summary>The brought-forward balance is in another currency than the contract pays.</summary>
    public const string CurrencyMismatch = "currency-mismatch";

    /// <summary>A gift or diamond bonus has no rate in force on its date (diamondsPerCoin, usdPerDiamond).</summary>
    public const string MissingRate = "missing-rate";

    /// <summary>No FX rate to the payout currency on or before the period's last day.</summary>
    public const string MissingFx = "missing-fx";

    /// <summary>A line or total beyond the per-statement bound.</summary>
    public const string TooLarge = "statement-too-large";

    /// <summary>An earlier statement of the creator is blocked and must be issued first.</summary>
    public const string EarlierBlocked = "earlier-statement-blocked";

    /// <summary>The records could not be computed into a statement (the message says why).</summary>
    public const string ComputeFailed = "compute-failed";

    /// <summary>A stored record could not be read back into a record (a row edited by hand, say; the message says which).</summary>
    public const string RecordsUnreadable = "records-unreadable";
}
