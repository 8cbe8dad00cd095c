namespace Payouts.Domain.Tests.Properties.Model;

/// <summary>What the model expects of a statement, in major units of the payout currency.</summary>
internal sealed record ModelResult(
    decimal Gifts,
    decimal Deals,
    decimal Bonuses,
    decimal AgencyCommission,
    decimal Withholding,
    decimal Net,
    decimal Balance,
    decimal Payable,
    decimal CarriedForward,
    IReadOnlyList<decimal> GiftLines,
    IReadOnlyList<decimal> DealLines)
{
    /// <summary>Gift lines as (the period a line's records belong to, amount), sorted: prior-period lines name theirs.</summary>
    public IReadOnlyList<(string Period, decimal Amount)> GiftLinesByPeriod { get; init; } = [];

    /// <summary>One commission line per revenue type and rate, amounts sorted.</summary>
    public IReadOnlyList<decimal> CommissionLines { get; init; } = [];

    /// <summary>The reversal of each voided record, one line each, in ascending order.</summary>
    public IReadOnlyList<decimal> VoidLines { get; init; } = [];
}
