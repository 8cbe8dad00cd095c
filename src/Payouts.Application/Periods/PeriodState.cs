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
    string Version)
{
    /// <summary>
    /// When the first pass over the period's agency statements began (its creator statements all settled). From then
    /// on, a creator statement of the period issued again (a rebuild, a reissue) re-versions its agency's statement.
    /// </summary>
    public Instant? AgencyStatementsStartedAt { get; init; }

    /// <summary>When every agency of the period had its statement issued; until then the close timer tries again.</summary>
    public Instant? AgencyStatementsIssuedAt { get; init; }
}
