using NodaTime;
using Payouts.Application.Periods;
using Payouts.Application.Tests.Fakes;
using Payouts.Domain.Tests;

namespace Payouts.Application.Tests.Periods;

/// <summary>The close use case: never before the period is due (unless forced after its end), jobs of ≤ 25 creators.</summary>
public sealed class PeriodCloserTests : IDisposable
{
    private readonly FakeWorld _world = new(Instant.FromUtc(2026, 12, 1, 12, 0));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Close_InsideTheGrace_IsNotDue_UnlessForced()
    {
        var notDue = await _world.Closer.CloseAsync(Builders.November, force: false, CancellationToken.None);
        Assert.Equal(CloseResult.NotDue, notDue.Result);
        Assert.Empty(_world.JobQueue.Sent);

        var forced = await _world.Closer.CloseAsync(Builders.November, force: true, CancellationToken.None);
        Assert.Equal(CloseResult.Closed, forced.Result);
        Assert.True((await _world.Periods.GetAsync(Builders.November, CancellationToken.None))!.Forced);
    }

    [Fact]
    public async Task CloseDue_VisitsEveryMarkedCreatorInJobsOfAtMost25_ThenTheSecondCloseSendsNone()
    {
        var creators = Enumerable.Range(0, 60).Select(i => $"c{i:D2}").ToList();
        creators.ForEach(c => _world.Activity.Mark(Builders.November, c));
        await _world.Periods.EnsureExistsAsync([Builders.November], CancellationToken.None);
        _world.Clock.Advance(Duration.FromDays(3));

        var outcomes = await _world.Closer.CloseDueAsync(CancellationToken.None);
        var again = await _world.Closer.CloseDueAsync(CancellationToken.None);

        Assert.Equal(CloseResult.Closed, Assert.Single(outcomes).Result);
        Assert.Empty(again);
        Assert.Equal([25, 25, 10], _world.JobQueue.Sent.Select(s => s.Job.CreatorIds.Count));
        Assert.Equal(creators, _world.JobQueue.Sent.SelectMany(s => s.Job.CreatorIds).Order(StringComparer.Ordinal));
        Assert.Equal(PeriodStatus.Closed, (await _world.Periods.GetAsync(Builders.November, CancellationToken.None))!.Status);
    }
}
