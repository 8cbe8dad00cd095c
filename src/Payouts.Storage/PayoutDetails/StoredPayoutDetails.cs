using NodaTime;
using Payouts.Domain.PayoutDetails;

namespace Payouts.Storage.PayoutDetails;

/// <summary>A creator's payout details and who set them when (the audit columns of the row).</summary>
public sealed record StoredPayoutDetails(CreatorPayoutDetails Details, Instant UpdatedAt, string UpdatedBy);
