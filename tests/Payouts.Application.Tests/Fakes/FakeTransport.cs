using Payouts.Application.Outbox;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeTransport : IOutboxTransport
{
    public List<OutboxDelivery> Sent { get; } = [];

    /// <summary>How many of the next attempts fail.</summary>
    public int FailNext { get; set; }

    public Task<DeliveryAttempt> SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        lock (Sent)
        {
            Sent.Add(delivery);
            if (FailNext > 0)
            {
                FailNext--;
                return Task.FromResult(DeliveryAttempt.Failed(DeliveryErrorCategory.HttpStatus, 503));
            }
        }

        return Task.FromResult(DeliveryAttempt.Ok(200));
    }
}
