using Payouts.Application.Outbox;
using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>What building one creator's statement did.</summary>
public sealed record BuildOutcome(StatementId Id, BuildResult Result, StatementStatus? Status, IReadOnlyList<string> BlockedReasons)
{
    public static BuildOutcome Of(StatementId id, BuildResult result) => new(id, result, null, []);

    /// <summary>Outbox deliveries the build made sure of, for an immediate dispatch.</summary>
    public IReadOnlyList<OutboxDelivery> Deliveries { get; init; } = [];

    /// <summary>Statements of earlier closed periods the build issued first, under the same lease.</summary>
    public IReadOnlyList<StatementId> IssuedEarlier { get; init; } = [];
}
