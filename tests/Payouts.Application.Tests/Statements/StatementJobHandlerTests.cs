using NodaTime;
using Payouts.Application.Periods;
using Payouts.Application.Tests.Fakes;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Tests;

namespace Payouts.Application.Tests.Statements;

/// <summary>The statement-jobs use case: which jobs it refuses, what it re-queues, what it dispatches at once.</summary>
public sealed class StatementJobHandlerTests : IDisposable
{
    private readonly FakeWorld _world = new(Instant.FromUtc(2026, 12, 5, 12, 0));

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData(PeriodStatus.Open)]
    public async Task Job_ForAPeriodWhoseCloseHasNotStarted_IsRefusedAndBuildsNothing(PeriodStatus? status)
    {
        if (status is { } s)
        {
            _world.Periods.Set(Builders.November, s);
        }

        AddNovemberDeal();

        await _world.Jobs.HandleAsync(new StatementJob(Builders.November, ["lea"]).ToJson(), CancellationToken.None);

        Assert.Empty(_world.Statements.Headers);
        Assert.Empty(_world.JobQueue.Sent);
        Assert.Equal(0, _world.Settlements.Settled("lea", Builders.November));
    }

    [Fact]
    public async Task Job_WithABusyCreator_RequeuesThatCreatorAloneWithTheDelay_AndBuildsTheOthers()
    {
        _world.Periods.Set(Builders.November, PeriodStatus.Closing);
        AddNovemberDeal();
        _world.Leases.Hold("max");

        await _world.Jobs.HandleAsync(new StatementJob(Builders.November, ["lea", "max"]).ToJson(), CancellationToken.None);

        var (job, delay) = Assert.Single(_world.JobQueue.Sent);
        Assert.Equal(["max"], job.CreatorIds);
        Assert.Equal(Builders.November, job.Period);
        Assert.Equal(TimeSpan.FromSeconds(30), delay);
        Assert.True(_world.Statements.Headers.ContainsKey(new StatementId("lea", Builders.November, 1)));
    }

    [Fact]
    public async Task Job_DispatchesWhatItEmitted_OncePerDelivery()
    {
        _world.Periods.Set(Builders.November, PeriodStatus.Closed);
        _world.Reference.Webhooks["nova"] = new Uri("https://nova.example/hooks");
        AddNovemberDeal();

        await _world.Jobs.HandleAsync(new StatementJob(Builders.November, ["lea"]).ToJson(), CancellationToken.None);
        await _world.Jobs.HandleAsync(new StatementJob(Builders.November, ["lea"]).ToJson(), CancellationToken.None);

        Assert.Equal(2, _world.Transport.Sent.Count);
        Assert.Equal(2, _world.Transport.Sent.Select(d => d.DeliveryId).Distinct().Count());
        Assert.Empty(_world.Outbox.Pending);
        Assert.Equal(2, _world.Outbox.Delivered.Count);
    }

    private void AddNovemberDeal() =>
        _world.Settlements.Add(Builders.Deal("a", DealType.ProductPlacement, DealAmount.Of(100m, Currency.EUR), Instant.FromUtc(2026, 11, 3, 12, 0)));
}
