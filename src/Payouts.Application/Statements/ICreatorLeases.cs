namespace Payouts.Application.Statements;

/// <summary>Hands out creator leases; null when another builder holds the creator.</summary>
public interface ICreatorLeases
{
    Task<ICreatorLease?> TryAcquireAsync(string creatorId, CancellationToken ct);
}
