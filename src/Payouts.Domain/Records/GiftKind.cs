namespace Payouts.Domain.Records;

/// <summary>A gift sent, or a refund (fraud reversal, chargeback) that claws a gift back.</summary>
public enum GiftKind
{
    Gift,
    Refund,
}
