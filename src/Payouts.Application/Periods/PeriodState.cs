using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Application.Periods;

/// <summary>A period's row in the Periods table, with the version that guards its transitions.</summary>
public sealed record PeriodState(
    PeriodKey Period,
    PeriodStatus Status,
    Instant? ClosingStartedAt,
    Instant? ClosedAt,
    bool Forced,
    int CreatorsVisited,
    string Version);
