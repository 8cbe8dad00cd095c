using Payouts.Domain.PayoutDetails;

namespace Payouts.Storage.PayoutDetails;

/// <summary>
/// Payout details as stored, wherever they are stored (the PayoutDetails table, a payout batch's manifest): the
/// method and BIC in clear, the IBAN and the holder's name sealed under a context naming where they belong.
/// </summary>
internal sealed record SealedPayoutDetails(string Method, string? Iban, string? Bic, string Holder)
{
    public static SealedPayoutDetails Seal(PayoutDetailsCipher cipher, CreatorPayoutDetails details, string context) => new(
        PayoutMethodNames.Of(details.Method),
        details.Iban is { } iban ? cipher.Seal(iban.Electronic, context + "|iban") : null,
        details.Bic?.Value,
        cipher.Seal(details.Holder.Value, context + "|holder"));

    public CreatorPayoutDetails Open(PayoutDetailsCipher cipher, string creatorId, string context) => new(
        creatorId,
        PayoutMethodNames.Parse(Method) ?? throw new InvalidDataException($"Unknown payout method '{Method}' stored for {creatorId}."),
        Iban is null ? null : Domain.PayoutDetails.Iban.Parse(cipher.Open(Iban, context + "|iban")),
        Bic is null ? null : Domain.PayoutDetails.Bic.Parse(Bic),
        AccountHolderName.Parse(cipher.Open(Holder, context + "|holder")));
}
