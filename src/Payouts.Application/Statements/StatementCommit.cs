namespace Payouts.Application.Statements;

/// <summary>
/// How a commit ended: the header as written (the statement is issued) or none, and whether the lease was lost.
/// Handing back the header it wrote spares the builder a read of the row it has just committed.
/// </summary>
public sealed record StatementCommit(StatementHeader? Header, bool LeaseLost)
{
    public static readonly StatementCommit Conflict = new(null, false);

    public static readonly StatementCommit Lost = new(null, true);

    public bool Committed => Header is not null;
}
