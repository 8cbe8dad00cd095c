using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Agencies;

/// <summary>An agency statement that could not be issued for a period, and why (a marker; retried by the next run).</summary>
public sealed record BlockedAgencyStatement(PeriodKey Period, IReadOnlyList<BlockReason> Reasons);
