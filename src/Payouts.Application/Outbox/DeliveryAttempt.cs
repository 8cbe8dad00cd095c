namespace Payouts.Application.Outbox;

/// <summary>How one attempt went: taken by the target (with its status), or failed with a short reason.</summary>
public sealed record DeliveryAttempt(bool Delivered, int Status, string? Error)
{
    public static DeliveryAttempt Ok(int status) => new(true, status, null);

    public static DeliveryAttempt Failed(int status, string error) => new(false, status, error);
}
