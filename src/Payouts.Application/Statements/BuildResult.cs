namespace Payouts.Application.Statements;

public enum BuildResult
{
    /// <summary>Computed and stored now.</summary>
    Issued,

    /// <summary>Stored by an earlier attempt; its outputs were (re)emitted if they had not been.</summary>
    AlreadyIssued,

    /// <summary>A data problem (missing rate or contract, …); nothing counted, reasons recorded. Rebuilt after the fix.</summary>
    Blocked,

    /// <summary>Another builder holds the creator's lease: the job re-queues the creator.</summary>
    Busy,

    /// <summary>
    /// The creator already has a statement for a later period: no statement is issued for this earlier one (statements
    /// of a creator are issued in period order) and its records are adjustments in the creator's next statement.
    /// </summary>
    NotNeeded,

    /// <summary>No record waiting and no balance brought forward: no statement is issued.</summary>
    NothingToState,

    /// <summary>The lease was lost mid-build (expired and taken over): nothing was committed; the new holder builds.</summary>
    LeaseLost,
}
