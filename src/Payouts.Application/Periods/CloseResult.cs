namespace Payouts.Application.Periods;

public enum CloseResult
{
    /// <summary>Statement jobs sent for every creator to visit.</summary>
    Closed,

    /// <summary>Closed before; nothing done.</summary>
    AlreadyClosed,

    /// <summary>The period has not ended yet: it cannot be closed, even forced (its records are still arriving).</summary>
    StillRunning,

    /// <summary>Ended but inside its grace period: only a forced close proceeds.</summary>
    NotDue,
}
