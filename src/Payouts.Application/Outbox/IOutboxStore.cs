using NodaTime;

namespace Payouts.Application.Outbox;

/// <summary>Deliveries waiting to happen; a delivery is claimed (version-checked) before each attempt.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Adds the delivery unless it exists (pending or already delivered). Returns it as written, with its
    /// <see cref="OutboxDelivery.Version"/>, or, when it existed, as given with no version (its state is the store's).
    /// </summary>
    Task<OutboxDelivery> AddAsync(OutboxDelivery delivery, Instant now, CancellationToken ct);

    Task<IReadOnlyList<OutboxDelivery>> DueAsync(Instant now, int max, CancellationToken ct);

    Task<IReadOnlyList<OutboxDelivery>> ListPendingAsync(int max, CancellationToken ct);

    Task<OutboxDelivery?> GetPendingAsync(string deliveryId, CancellationToken ct);

    /// <summary>Takes the delivery for one attempt (attempts + 1, next attempt at <paramref name="retryAt"/>); null when another dispatcher took it.</summary>
    Task<OutboxDelivery?> TryClaimAsync(OutboxDelivery delivery, Instant retryAt, CancellationToken ct);

    Task MarkDeliveredAsync(OutboxDelivery delivery, Instant now, int status, CancellationToken ct);

    Task RecordFailureAsync(OutboxDelivery delivery, DeliveryFailure failure, CancellationToken ct);
}
