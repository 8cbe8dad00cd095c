using Azure;
using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Storage.Periods;

/// <summary>A period's row in the Periods table, with the ETag that guards its transitions.</summary>
public sealed record PeriodState(
    PeriodKey Period,
    PeriodStatus Status,
    Instant? ClosingStartedAt,
    Instant? ClosedAt,
    bool Forced,
    int CreatorsVisited,
    ETag ETag);
