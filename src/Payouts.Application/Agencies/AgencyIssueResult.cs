namespace Payouts.Application.Agencies;

public enum AgencyIssueResult
{
    /// <summary>A new version was issued now (the first, or one after a creator statement of the period changed).</summary>
    Issued,

    /// <summary>The latest version is built from exactly the current creator statements: nothing new (emitted if it had not been).</summary>
    AlreadyIssued,

    /// <summary>The creator statements do not reconcile (reasons recorded); nothing issued; tried again on the next run.</summary>
    Blocked,

    /// <summary>Other issuers kept committing versions meanwhile: the latest of theirs stands; the next run looks again.</summary>
    Busy,
}
