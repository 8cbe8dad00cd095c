using Payouts.Domain.PayoutBatches;
using Payouts.Domain.PayoutDetails;

namespace Payouts.Storage.Configuration;

/// <summary>
/// Section <c>Payouts:Debtor</c>: the platform's account the credit-transfer file debits. All three or none: without
/// them the payout batch has no pain.001 file (its CSV and summary still work). Checked at start.
/// </summary>
public sealed class PayoutDebtorOptions
{
    public string Name { get; set; } = string.Empty;

    public string Iban { get; set; } = string.Empty;

    public string Bic { get; set; } = string.Empty;

    public bool IsConfigured => Name.Length > 0 || Iban.Length > 0 || Bic.Length > 0;

    /// <summary>The debtor, or null when the section is empty or invalid (the validator has refused an invalid one at start).</summary>
    public PayoutDebtor? ToDebtor() =>
        AccountHolderName.TryParse(Name, out var name, out _) && Domain.PayoutDetails.Iban.TryParse(Iban, out var iban, out _) && Domain.PayoutDetails.Bic.TryParse(Bic, out var bic, out _)
            ? new PayoutDebtor(name, iban, bic)
            : null;

    /// <summary>What is wrong with a configured section: each field's problem, an IBAN outside SEPA.</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (!AccountHolderName.TryParse(Name, out _, out var nameProblem))
        {
            yield return $"Payouts:Debtor:Name {nameProblem}.";
        }

        if (!Domain.PayoutDetails.Iban.TryParse(Iban, out var iban, out var ibanProblem))
        {
            yield return $"Payouts:Debtor:Iban {ibanProblem}.";
        }
        else if (!iban.IsSepa)
        {
            yield return $"Payouts:Debtor:Iban is from {iban.CountryCode}, outside SEPA: a SEPA credit transfer cannot debit it.";
        }

        if (!Domain.PayoutDetails.Bic.TryParse(Bic, out _, out var bicProblem))
        {
            yield return $"Payouts:Debtor:Bic {bicProblem}.";
        }
    }
}
