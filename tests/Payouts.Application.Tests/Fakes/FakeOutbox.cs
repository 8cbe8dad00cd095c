using NodaTime;
using Payouts.Application.Outbox;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeOutbox : IOutboxStore
{
    private readonly object _gate = new();

    public Dictionary<string, OutboxDelivery> Pending { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OutboxDelivery> Delivered { get; } = new(StringComparer.Ordinal);

    public Task<OutboxDelivery> AddAsync(OutboxDelivery delivery, Instant now, CancellationToken ct)
    {
        lock (_gate)
        {
            var added = delivery with { CreatedAt = now, NextAttemptAt = now, Version = "1" };
            return Task.FromResult(!Delivered.ContainsKey(delivery.DeliveryId) && Pending.TryAdd(delivery.DeliveryId, added) ? added : delivery with { Version = string.Empty });
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

    public Task<OutboxDelivery?> TryClaimAsync(OutboxDelivery delivery, Instant retryAt, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!Pending.TryGetValue(delivery.DeliveryId, out var current) || current.Version != delivery.Version)
            {
                return Task.FromResult<OutboxDelivery?>(null);
            }

            var claimed = current with { Attempts = current.Attempts + 1, NextAttemptAt = retryAt, Version = (int.Parse(current.Version, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            Pending[delivery.DeliveryId] = claimed;
            return Task.FromResult<OutboxDelivery?>(claimed);
        }
    }

    public Task MarkDeliveredAsync(OutboxDelivery delivery, Instant now, int status, CancellationToken ct)
    {
        lock (_gate)
        {
            Pending.Remove(delivery.DeliveryId);
            Delivered[delivery.DeliveryId] = delivery;
        }

        return Task.CompletedTask;
    }

    public Task RecordFailureAsync(OutboxDelivery delivery, DeliveryFailure failure, CancellationToken ct)
    {
        lock (_gate)
        {
            if (Pending.TryGetValue(delivery.DeliveryId, out var current) && current.Version == delivery.Version)
            {
                Pending[delivery.DeliveryId] = current with { LastFailure = failure };
            }
        }

        return Task.CompletedTask;
    }
}
