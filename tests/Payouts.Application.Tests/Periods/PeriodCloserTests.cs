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

    [Fact]
    public async Task CloseDue_WhenOnePeriodFails_ClosesTheOthers_AndTriesTheFailedOneAgainNextRun()
    {
        var october = Builders.November.Previous();
        _world.Activity.Mark(october, "lea");
        _world.Activity.Mark(Builders.November, "max");
        await _world.Periods.EnsureExistsAsync([october, Builders.November], CancellationToken.None);
        _world.Clock.Advance(Duration.FromDays(3));
        _world.Activity.FailFor = october;

        var outcomes = await _world.Closer.CloseDueAsync(CancellationToken.None);

        Assert.Equal([(Builders.November, CloseResult.Closed)], outcomes.Select(o => (o.Period, o.Result)));
        Assert.Equal(["max"], _world.JobQueue.Sent.SelectMany(s => s.Job.CreatorIds));
        Assert.NotEqual(PeriodStatus.Closed, (await _world.Periods.GetAsync(october, CancellationToken.None))!.Status);

        _world.Activity.FailFor = null;
        var next = await _world.Closer.CloseDueAsync(CancellationToken.None);
        Assert.Equal([(october, CloseResult.Closed)], next.Select(o => (o.Period, o.Result)));
    }

    [Fact]
    public async Task CloseDue_AStorageFailure_IsThrown_AfterTheOtherPeriodsClosed()
    {
        var october = Builders.November.Previous();
        _world.Activity.Mark(Builders.November, "max");
        await _world.Periods.EnsureExistsAsync([october, Builders.November], CancellationToken.None);
        _world.Clock.Advance(Duration.FromDays(3));
        _world.Activity.FailFor = october;
        _world.Activity.Failure = () => new HttpRequestException("storage unreachable");

        await Assert.ThrowsAsync<HttpRequestException>(() => _world.Closer.CloseDueAsync(CancellationToken.None));

        Assert.Equal(PeriodStatus.Closed, (await _world.Periods.GetAsync(Builders.November, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Close_TheFirstSupportedPeriod_HasNoPreviousToLookAt_AndCloses()
    {
        var first = Payouts.Domain.Periods.PeriodKey.Month(2000, 1);
        _world.Activity.Mark(first, "lea");

        var outcome = await _world.Closer.CloseAsync(first, force: false, CancellationToken.None);

        Assert.Equal(CloseResult.Closed, outcome.Result);
        Assert.True(first.IsFirst);
        Assert.Null(first.PreviousOrNone());
        Assert.Equal(["lea"], _world.JobQueue.Sent.SelectMany(s => s.Job.CreatorIds));
    }
}
