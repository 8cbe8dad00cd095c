using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>
/// Called by the builder as it passes each <see cref="BuildStep"/>. Production registers <see cref="NoBuildProbe"/>;
/// fault tests register one that pauses the builder (past its lease) or throws (a crash) at a chosen step.
/// </summary>
public interface IBuildProbe
{
    ValueTask AtAsync(BuildStep step, StatementId id, CancellationToken ct);
}
