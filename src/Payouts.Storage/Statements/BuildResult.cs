namespace Payouts.Storage.Statements;

public enum BuildResult
{
    /// <summary>Computed and stored now.</summary>
    Issued,

    /// <summary>Stored by an earlier attempt; its outputs were (re)emitted if they had not been.</summary>
    AlreadyIssued,

    /// <summary>Reference data is missing; nothing claimed, reasons recorded. Rebuild after fixing the data.</summary>
    Blocked,

    /// <summary>Another builder holds the creator's lease: retry later.</summary>
    Busy,
}
