using System.Collections.Concurrent;
using Payouts.Domain.Statements;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>
/// The fault injector the test app registers as the builder's <see cref="IBuildProbe"/>: a test arms a step for one
/// creator (its creators are unique to it) with an action — pause until released, or throw as a crash would.
/// </summary>
public sealed class TestBuildProbe : IBuildProbe
{
    private readonly ConcurrentDictionary<(string CreatorId, BuildStep Step), Func<StatementId, CancellationToken, Task>> _armed = new();

    /// <summary>Runs <paramref name="action"/> the next time a builder of <paramref name="creatorId"/> reaches <paramref name="step"/> (once).</summary>
    public void Arm(string creatorId, BuildStep step, Func<StatementId, CancellationToken, Task> action) => _armed[(creatorId, step)] = action;

    /// <summary>The next builder of the creator to reach the step throws there, as if its process died.</summary>
    public void CrashAt(string creatorId, BuildStep step) => Arm(creatorId, step, (id, _) => throw new SimulatedCrashException($"{id} crashed at {step}"));

    /// <summary>Takes back an armed step the builder never reached (a creator with nothing to build, say).</summary>
    public void Disarm(string creatorId, BuildStep step) => _armed.TryRemove((creatorId, step), out _);

    public async ValueTask AtAsync(BuildStep step, StatementId id, CancellationToken ct)
    {
        if (_armed.TryRemove((id.CreatorId, step), out var action))
        {
            await action(id, ct);
        }
    }
}
