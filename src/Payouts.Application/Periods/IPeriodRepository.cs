using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Application.Periods;

/// <summary>Period states, moved Open → Closing → Closed with version checks so two closers never both start a close.</summary>
public interface IPeriodRepository
{
    Task EnsureExistsAsync(IEnumerable<PeriodKey> periods, CancellationToken ct);

    Task<PeriodState?> GetAsync(PeriodKey period, CancellationToken ct);

    Task<PeriodState> GetOrCreateAsync(PeriodKey period, CancellationToken ct);

    /// <summary>Whether the period's close has started (Closing or Closed).</summary>
    Task<bool> IsClosingOrClosedAsync(PeriodKey period, CancellationToken ct);

    /// <summary>Every period not yet closed, oldest first.</summary>
    Task<IReadOnlyList<PeriodState>> ListUnclosedAsync(CancellationToken ct);

    /// <summary>Open → Closing, only if the row is still as read. False: someone else moved it first.</summary>
    Task<bool> TryStartClosingAsync(PeriodState state, Instant now, bool forced, CancellationToken ct);

    Task MarkClosedAsync(PeriodKey period, Instant now, int creatorsVisited, CancellationToken ct);

    /// <summary>Every closed period, oldest first.</summary>
    Task<IReadOnlyList<PeriodState>> ListClosedAsync(CancellationToken ct);

    /// <summary>Records that the period's first agency statement pass began (kept if already set).</summary>
    Task MarkAgencyStatementsStartedAsync(PeriodKey period, Instant now, CancellationToken ct);

    /// <summary>Records that every agency of the period has its statement.</summary>
    Task MarkAgencyStatementsIssuedAsync(PeriodKey period, Instant now, CancellationToken ct);
}
