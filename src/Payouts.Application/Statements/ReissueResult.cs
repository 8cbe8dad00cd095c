namespace Payouts.Application.Statements;

public enum ReissueResult
{
    /// <summary>The new version is issued; the replaced one is superseded.</summary>
    Reissued,

    /// <summary>No such statement.</summary>
    NotFound,

    /// <summary>Not the creator's latest statement: only the latest can be reissued (the balance chain starts there).</summary>
    NotLatest,

    /// <summary>Reissued already for another reason: the next version exists (a repeat with the same reason answers Reissued).</summary>
    AlreadyReissued,

    /// <summary>Another builder holds the creator right now: try again shortly.</summary>
    Busy,

    /// <summary>The new version cannot be computed (reasons given); nothing changed.</summary>
    Blocked,
}
