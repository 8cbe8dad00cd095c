namespace Payouts.Application.Outbox;

/// <summary>How one attempt went: taken by the target (with its status), or failed with a category.</summary>
public sealed record DeliveryAttempt(bool Delivered, int Status, DeliveryFailure? Failure)
{
    public static DeliveryAttempt Ok(int status) => new(true, status, null);

    public static DeliveryAttempt Failed(DeliveryErrorCategory category, int status = 0) => new(false, status, new DeliveryFailure(category, status));
}
