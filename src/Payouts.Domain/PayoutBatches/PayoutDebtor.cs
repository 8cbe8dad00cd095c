using Payouts.Domain.PayoutDetails;

namespace Payouts.Domain.PayoutBatches;

/// <summary>The platform's own account, debited by the credit-transfer file (configuration, not per batch).</summary>
public sealed record PayoutDebtor(AccountHolderName Name, Iban Iban, Bic Bic);
