using Azure;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;

namespace Payouts.Storage.Statements;

/// <summary>What the creator's last statement carried forward; nulls when the creator has none yet.</summary>
public sealed record CreatorBalance(Money? CarriedForward, PeriodKey? LastPeriod, ETag? ETag);
