using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Statements;

/// <summary>Everything one statement is computed from. The calculator reads nothing else: no clock, no storage.</summary>
public sealed record StatementRequest(
    StatementId Id,
    PeriodCalendar Calendar,
    IReadOnlyList<Versioned<CreatorContract>> ContractVersions,
    RateBook Rates,
    IReadOnlyList<GiftEntry> Gifts,
    IReadOnlyList<DealEntry> Deals)
{
    /// <summary>The previous statement's carried-forward balance; null is nothing carried.</summary>
    public Money? BroughtForward { get; init; }

    /// <summary>A preview of an open period rather than a final statement.</summary>
    public bool Draft { get; init; }

    public string? CorrectionReason { get; init; }

    /// <summary>For a reissue: the version this one replaces (its lines are diffed, its payable compared).</summary>
    public PreviousVersion? Previous { get; init; }

    /// <summary>When a payable is paid (printed on the statement as its payout date).</summary>
    public PayoutSchedule PayoutSchedule { get; init; } = PayoutSchedule.Default;
}
