using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>The production probe: does nothing.</summary>
public sealed class NoBuildProbe : IBuildProbe
{
    public ValueTask AtAsync(BuildStep step, StatementId id, CancellationToken ct) => ValueTask.CompletedTask;
}
