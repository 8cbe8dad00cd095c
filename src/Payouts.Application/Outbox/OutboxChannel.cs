namespace Payouts.Application.Outbox;

/// <summary>Where a delivery goes: the payment system's queue, or an agency's webhook endpoint.</summary>
public enum OutboxChannel
{
    Queue,
    Webhook,
}
