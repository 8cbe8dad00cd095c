namespace Payouts.Domain.PayoutDetails;

/// <summary>
/// Where a creator's payouts go. A <see cref="PayoutMethod.Sepa"/> payout always has an IBAN; a manual one may keep
/// one for the finance team's reference. <see cref="Iban"/> and <see cref="Holder"/> print masked.
/// </summary>
public sealed record CreatorPayoutDetails
{
    public CreatorPayoutDetails(string creatorId, PayoutMethod method, Iban? iban, Bic? bic, AccountHolderName holder)
    {
        ArgumentException.ThrowIfNullOrEmpty(creatorId);
        ArgumentNullException.ThrowIfNull(holder);
        if (method == PayoutMethod.Sepa && iban is null)
        {
            throw new ArgumentException("A SEPA payout needs an IBAN.", nameof(iban));
        }

        CreatorId = creatorId;
        Method = method;
        Iban = iban;
        Bic = bic;
        Holder = holder;
    }

    public string CreatorId { get; }

    public PayoutMethod Method { get; }

    public Iban? Iban { get; }

    public Bic? Bic { get; }

    public AccountHolderName Holder { get; }

    /// <summary>What the account may show anywhere: the masked IBAN, or nothing for a manual payout without one.</summary>
    public string MaskedAccount => Iban?.Masked ?? string.Empty;
}
