using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;

namespace Payouts.Domain.Statements;

/// <summary>
/// One line of a statement: an amount rounded once to the payout currency, with everything needed to recompute it
/// by hand (source counts, exact intermediate values, the rate versions used).
/// </summary>
public sealed record StatementLine
{
    public required LineKind Kind { get; init; }

    /// <summary>The revenue type this line earns or charges against; null for withholding, which is on the whole.</summary>
    public RevenueType? Revenue { get; init; }

    public required string Description { get; init; }

    public required Money Amount { get; init; }

    /// <summary>On a deal or bonus: the local day (period zone) it was earned.</summary>
    public NodaTime.LocalDate? EarnedOn { get; init; }

    /// <summary>Set on prior-period adjustments: the closed period the records belong to (a void's: the voided record's).</summary>
    public PeriodKey? OriginalPeriod { get; init; }

    public LineSources Sources { get; init; }

    /// <summary>On a deal, bonus or void line: the partner whose record it is.</summary>
    public string? PartnerId { get; init; }

    /// <summary>On a deal or bonus line: its record; on a void line: the voided record.</summary>
    public string? RecordId { get; init; }

    public string? Brand { get; init; }

    public string? Reference { get; init; }

    public Coins? Coins { get; init; }

    public Diamonds? Diamonds { get; init; }

    /// <summary>Exact USD value before conversion to the payout currency (gifts and diamond bonuses).</summary>
    public decimal? Usd { get; init; }

    /// <summary>Informational: what viewers paid for these coins (reference price), in USD.</summary>
    public decimal? GrossGiftUsd { get; init; }

    /// <summary>Informational: the platform's share, gross gift value minus the creator's USD value.</summary>
    public decimal? PlatformShareUsd { get; init; }

    /// <summary>A deal's amount as the partner sent it.</summary>
    public DealAmount? SourceAmount { get; init; }

    /// <summary>On a deal or bonus: the deal's own agency commission rate, overriding the contract's.</summary>
    public Share? AgencyCommissionOverride { get; init; }

    /// <summary>On a commission or withholding line: the rate applied.</summary>
    public Share? Rate { get; init; }

    /// <summary>What a commission or withholding rate was applied to.</summary>
    public Money? Base { get; init; }

    public IReadOnlyList<AppliedRate> Rates { get; init; } = [];

    public bool IsAdjustment => OriginalPeriod is not null;

    public bool IsRevenue => Kind is LineKind.Gifts or LineKind.Deal or LineKind.Bonus or LineKind.Void;
}
