using NodaTime;
using Payouts.Application.Outbox;
using Payouts.Application.Tests.Fakes;

namespace Payouts.Application.Tests.Outbox;

/// <summary>Claim before send, delivered only on success, a failed attempt due again after its backoff.</summary>
public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly FakeWorld _world = new(Instant.FromUtc(2026, 12, 5, 12, 0));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task FailedAttempt_StaysPendingWithTheError_AndIsDueAgainOnlyAfterItsBackoff()
    {
        await _world.Outbox.AddAsync([Delivery("d1")], _world.Clock.GetCurrentInstant(), CancellationToken.None);
        _world.Transport.FailNext = 1;

        Assert.Equal(0, await _world.Dispatcher.DispatchDueAsync(CancellationToken.None));
        var pending = Assert.Single(_world.Outbox.Pending.Values);
        Assert.Equal(1, pending.Attempts);
        Assert.Equal(new DeliveryFailure(DeliveryErrorCategory.HttpStatus, 503), pending.LastFailure);

        Assert.Equal(0, await _world.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(_world.Transport.Sent);

        _world.Clock.Advance(OutboxDispatcher.Backoff(0));
        Assert.Equal(1, await _world.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(2, _world.Transport.Sent.Count);
        Assert.Empty(_world.Outbox.Pending);
    }

    [Fact]
    public async Task ConcurrentDispatchers_SendEachDeliveryOnce()
    {
        var added = new List<OutboxDelivery>();
        foreach (var id in new[] { "d1", "d2", "d3" })
        {
            added.AddRange(await _world.Outbox.AddAsync([Delivery(id)], _world.Clock.GetCurrentInstant(), CancellationToken.None));
        }

        // The emit's own handles (with the version just written) race the timer's reads of the same rows.
        var sent = await Task.WhenAll(
            _world.Dispatcher.DispatchDueAsync(CancellationToken.None),
            _world.Dispatcher.DispatchDueAsync(CancellationToken.None),
            _world.Dispatcher.DispatchAsync(added, CancellationToken.None));

        Assert.Equal(3, sent.Sum());
        Assert.Equal(3, _world.Transport.Sent.Count);
        Assert.Equal(3, _world.Transport.Sent.Select(d => d.DeliveryId).Distinct().Count());
    }

    [Fact]
    public async Task ImmediateDispatch_OfADeliveryThatExisted_ReadsItFirst_AndLeavesItToItsBackoff()
    {
        await _world.Outbox.AddAsync([Delivery("d1")], _world.Clock.GetCurrentInstant(), CancellationToken.None);
        _world.Transport.FailNext = 1;
        Assert.Equal(0, await _world.Dispatcher.DispatchDueAsync(CancellationToken.None));

        // A retried emit adds it again: it existed, so the handle carries no version and the dispatcher reads the row.
        var again = Assert.Single(await _world.Outbox.AddAsync([Delivery("d1")], _world.Clock.GetCurrentInstant(), CancellationToken.None));
        Assert.Equal(string.Empty, again.Version);
        Assert.Equal(0, await _world.Dispatcher.DispatchAsync([again], CancellationToken.None));
        Assert.Single(_world.Transport.Sent);

        _world.Clock.Advance(OutboxDispatcher.Backoff(0));
        Assert.Equal(1, await _world.Dispatcher.DispatchAsync([again], CancellationToken.None));
        Assert.Empty(_world.Outbox.Pending);
    }

    [Fact]
    public async Task ImmediateDispatch_OfAFreshDelivery_SendsIt_WithoutWaitingForTheTimer()
    {
        var added = Assert.Single(await _world.Outbox.AddAsync([Delivery("d1")], _world.Clock.GetCurrentInstant(), CancellationToken.None));
        Assert.NotEqual(string.Empty, added.Version);

        Assert.Equal(1, await _world.Dispatcher.DispatchAsync([added, added], CancellationToken.None));
        Assert.Single(_world.Transport.Sent);
        Assert.Single(_world.Outbox.Delivered);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 8)]
    [InlineData(9, 360)]
    [InlineData(40, 360)]
    public void Backoff_DoublesFromAMinute_UpToSixHours(int attempts, int minutes) =>
        Assert.Equal(Duration.FromMinutes(minutes), OutboxDispatcher.Backoff(attempts));

    private static OutboxDelivery Delivery(string id) => new(id, OutboxChannel.Webhook, "statement.issued", "lea~2026-11~v1", "nova", "https://nova.example/hooks", "{}");
}
