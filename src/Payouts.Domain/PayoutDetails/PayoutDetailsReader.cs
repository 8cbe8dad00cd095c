using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.PayoutDetails;

/// <summary>
/// Payout details as an admin sends them, checked field by field: every problem reported at once, never the IBAN or
/// the name itself in a message. The method defaults to <c>sepa</c> when an IBAN is given, <c>manual</c> otherwise.
/// </summary>
public static class PayoutDetailsReader
{
    public static CreatorPayoutDetails? Read(string creatorId, string? ibanText, string? bicText, string? holderText, string? methodText, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Iban? iban = null;
        if (ibanText is not null && !Iban.TryParse(ibanText, out iban, out var ibanProblem))
        {
            errors.Add("iban", ibanProblem);
        }

        Bic? bic = null;
        if (bicText is not null && !Bic.TryParse(bicText, out bic, out var bicProblem))
        {
            errors.Add("bic", bicProblem);
        }

        if (!AccountHolderName.TryParse(holderText, out var holder, out var holderProblem))
        {
            errors.Add("accountHolder", holderProblem);
        }

        var method = methodText is null ? (ibanText is null ? PayoutMethod.Manual : PayoutMethod.Sepa) : PayoutMethodNames.Parse(methodText);
        if (method is null)
        {
            errors.Add("method", $"must be {PayoutMethodNames.Sepa} or {PayoutMethodNames.Manual}");
        }
        else if (method == PayoutMethod.Sepa && ibanText is null)
        {
            errors.Add("iban", "is required for the sepa method");
        }
        else if (method == PayoutMethod.Sepa && iban is { IsSepa: false })
        {
            errors.Add("iban", $"is from {iban.CountryCode}, outside SEPA: use the manual method");
        }

        if (!TextRules.IsIdentifier(creatorId))
        {
            errors.Add("creatorId", $"may only contain {TextRules.IdentifierAlphabet}");
        }

        return errors.IsEmpty ? new CreatorPayoutDetails(creatorId, method!.Value, iban, bic, holder!) : null;
    }
}
