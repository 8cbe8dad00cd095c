namespace Payouts.Application.Outbox;

/// <summary>Sends one delivery through its channel (the payment system's queue, an agency's webhook).</summary>
public interface IOutboxTransport
{
    Task<DeliveryAttempt> SendAsync(OutboxDelivery delivery, CancellationToken ct);
}
