using NodaTime;

namespace Payouts.Application.Outbox;

/// <summary>Deliveries waiting to happen; a delivery is claimed (version-checked) before each attempt.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Adds the deliveries that do not exist (pending or already delivered). Returns each as written, with its
    /// <see cref="OutboxDelivery.Version"/>, or, when it existed, as given with no version (its state is the store's).
    /// </summary>
    Task<IReadOnlyList<OutboxDelivery>> AddAsync(IReadOnlyList<OutboxDelivery> deliveries, Instant now, CancellationToken ct);

    Task<IReadOnlyList<OutboxDelivery>> DueAsync(Instant now, int max, CancellationToken ct);

    Task<IReadOnlyList<OutboxDelivery>> ListPendingAsync(int max, CancellationToken ct);

    Task<OutboxDelivery?> GetPendingAsync(string deliveryId, CancellationToken ct);

    /// <summary>Takes each delivery for one attempt (attempts + 1, next attempt at <paramref name="retryAt"/>); returns those taken (another dispatcher may hold the rest).</summary>
    Task<IReadOnlyList<OutboxDelivery>> TryClaimAsync(IReadOnlyList<OutboxDelivery> deliveries, Func<OutboxDelivery, Instant> retryAt, CancellationToken ct);

    Task MarkDeliveredAsync(IReadOnlyList<(OutboxDelivery Delivery, int Status)> deliveries, Instant now, CancellationToken ct);

    Task RecordFailureAsync(IReadOnlyList<(OutboxDelivery Delivery, DeliveryFailure Failure)> failures, CancellationToken ct);
}
