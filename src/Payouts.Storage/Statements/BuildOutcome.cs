using Payouts.Domain.Statements;

namespace Payouts.Storage.Statements;

/// <summary>What building one creator's statement did.</summary>
public sealed record BuildOutcome(StatementId Id, BuildResult Result, StatementStatus? Status, IReadOnlyList<string> BlockedReasons)
{
    public static BuildOutcome Busy(StatementId id) => new(id, BuildResult.Busy, null, []);
}
