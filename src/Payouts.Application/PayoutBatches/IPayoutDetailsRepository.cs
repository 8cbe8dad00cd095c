using Payouts.Domain.PayoutDetails;

namespace Payouts.Application.PayoutBatches;

/// <summary>Creators' payout details, decrypted: whoever holds them holds personal data, and never logs it.</summary>
public interface IPayoutDetailsRepository
{
    /// <summary>The details of each creator that has some; creators without are absent from the answer.</summary>
    Task<IReadOnlyDictionary<string, CreatorPayoutDetails>> GetManyAsync(IReadOnlyCollection<string> creatorIds, CancellationToken ct);
}
