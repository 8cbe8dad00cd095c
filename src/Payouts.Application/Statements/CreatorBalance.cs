using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;

namespace Payouts.Application.Statements;

/// <summary>
/// What the creator's last statement carried forward; nulls when the creator has none yet. <see cref="Version"/> is
/// the stored row's concurrency token: a commit replaces the balance only if nobody moved it since it was read.
/// </summary>
public sealed record CreatorBalance(Money? CarriedForward, PeriodKey? LastPeriod, string? Version)
{
    /// <summary>The creator's latest issued statement (the only one a reissue may replace).</summary>
    public Payouts.Domain.Statements.StatementId? LastStatementId { get; init; }
}
