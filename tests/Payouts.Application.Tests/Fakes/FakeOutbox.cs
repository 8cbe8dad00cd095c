using NodaTime;
using Payouts.Application.Outbox;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeOutbox : IOutboxStore
{
    private readonly object _gate = new();

    public Dictionary<string, OutboxDelivery> Pending { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OutboxDelivery> Delivered { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<OutboxDelivery>> AddAsync(IReadOnlyList<OutboxDelivery> deliveries, Instant now, CancellationToken ct)
    {
        lock (_gate)
        {
            var result = new List<OutboxDelivery>();
            foreach (var delivery in deliveries)
            {
                var added = delivery with { CreatedAt = now, NextAttemptAt = now, Version = "1" };
                result.Add(!Delivered.ContainsKey(delivery.DeliveryId) && Pending.TryAdd(delivery.DeliveryId, added) ? added : delivery with { Version = string.Empty });
            }

            return Task.FromResult<IReadOnlyList<OutboxDelivery>>(result);
        }
    }

    public Task<IReadOnlyList<OutboxDelivery>> DueAsync(Instant now, int max, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxDelivery>>([.. Pending.Values.Where(d => d.NextAttemptAt <= now).Take(max)]);
        }
    }

    public Task<IReadOnlyList<OutboxDelivery>> ListPendingAsync(int max, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxDelivery>>([.. Pending.Values.Take(max)]);
        }
    }

    public Task<OutboxDelivery?> GetPendingAsync(string deliveryId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Pending.GetValueOrDefault(deliveryId));
        }
    }

    public Task<IReadOnlyList<OutboxDelivery>> TryClaimAsync(IReadOnlyList<OutboxDelivery> deliveries, Func<OutboxDelivery, Instant> retryAt, CancellationToken ct)
    {
        lock (_gate)
        {
            var claimed = new List<OutboxDelivery>();
            foreach (var delivery in deliveries)
            {
                if (Pending.TryGetValue(delivery.DeliveryId, out var current) && current.Version == delivery.Version)
                {
                    var next = current with { Attempts = current.Attempts + 1, NextAttemptAt = retryAt(current), Version = (int.Parse(current.Version, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                    Pending[delivery.DeliveryId] = next;
                    claimed.Add(next);
                }
            }

            return Task.FromResult<IReadOnlyList<OutboxDelivery>>(claimed);
        }
    }

    public Task MarkDeliveredAsync(IReadOnlyList<(OutboxDelivery Delivery, int Status)> deliveries, Instant now, CancellationToken ct)
    {
        lock (_gate)
        {
            foreach (var (delivery, _) in deliveries)
            {
                Pending.Remove(delivery.DeliveryId);
                Delivered[delivery.DeliveryId] = delivery;
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordFailureAsync(IReadOnlyList<(OutboxDelivery Delivery, DeliveryFailure Failure)> failures, CancellationToken ct)
    {
        lock (_gate)
        {
            foreach (var (delivery, failure) in failures)
            {
                if (Pending.TryGetValue(delivery.DeliveryId, out var current) && current.Version == delivery.Version)
                {
                    Pending[delivery.DeliveryId] = current with { LastFailure = failure };
                }
            }
        }

        return Task.CompletedTask;
    }
}
