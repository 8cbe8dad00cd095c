using Payouts.Domain.Periods;

namespace Payouts.Application.Periods;

/// <summary>What asking to close a period did.</summary>
public sealed record CloseOutcome(PeriodKey Period, CloseResult Result, int Creators, string? Detail = null);
