using NodaTime;

namespace Payouts.Domain.Tests.Properties.Model;

/// <summary>
/// One creator's period as the model sees it, in plain values: no domain type, so the model cannot lean on the code
/// it checks. Amounts are decimals in major units; <see cref="BroughtForwardMinor"/> is in the payout currency's minor units.
/// </summary>
internal sealed record ModelScenario(
    string PayoutCurrency,
    decimal GiftCommission,
    decimal DealCommission,
    decimal BonusCommission,
    decimal Withholding,
    decimal MinimumPayout,
    long BroughtForwardMinor,
    IReadOnlyList<ModelScenario.Gift> Gifts,
    IReadOnlyList<ModelScenario.Deal> Deals)
{
    /// <summary>Gifts an earlier statement counted, voided now: each is reversed here (quantity: what its void took back).</summary>
    public IReadOnlyList<Gift> VoidedGifts { get; init; } = [];

    /// <summary>Deals and bonuses an earlier statement counted, voided now: each is reversed here.</summary>
    public IReadOnlyList<Deal> VoidedDeals { get; init; } = [];

    /// <summary>A gift (or refund: negative) record. <see cref="RefundOf"/> is the index of the gift it refunds, if sent.</summary>
    public sealed record Gift(int CoinsPerGift, int Quantity, Instant OccurredAt, bool IsRefund, int? RefundOf);

    /// <summary>A deal or bonus; <see cref="Currency"/> "DIAMOND" for a diamond bonus; an optional own commission rate.</summary>
    public sealed record Deal(bool IsBonus, decimal Amount, string Currency, Instant EarnedAt, decimal? CommissionOverride);
}
