namespace Payouts.Domain.PayoutDetails;

/// <summary>How the finance team pays a creator: by SEPA credit transfer to an IBAN, or by hand (any other way).</summary>
public enum PayoutMethod
{
    Sepa,
    Manual,
}
