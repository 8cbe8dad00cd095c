using Payouts.Domain.Monetary;

namespace Payouts.Domain.Contracts;

/// <summary>
/// The terms a creator is paid on. Contracts are effective-dated (<see cref="Rates.Versioned{T}"/>); a statement uses
/// the version in force on the last day of its period.
/// </summary>
public sealed record CreatorContract(
    string CreatorId,
    string Region,
    Currency PayoutCurrency,
    string? AgencyId,
    CommissionRates AgencyCommission,
    Money MinimumPayout,
    Share Withholding)
{
    public Currency PayoutCurrency { get; } = PayoutCurrency == MinimumPayout.Currency
        ? PayoutCurrency
        : throw new ArgumentException("The minimum payout must be in the payout currency.", nameof(MinimumPayout));

    /// <summary>The name the creator is shown by on statements (<see cref="Records.Validation.TextRules.DisplayNameProblems"/>); null shows the id.</summary>
    public string? DisplayName { get; init; }
}
