using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Application.Periods;

/// <summary>Which creators a period's close visits (their marks in it), as written by ingest.</summary>
public interface IActivityIndex
{
    /// <summary>Creators with records of <paramref name="period"/> itself (reconciliation), or with any mark in it (the close).</summary>
    Task<IReadOnlyList<string>> CreatorsAsync(PeriodKey period, bool ownRecordsOnly, CancellationToken ct);

    /// <summary>Marks record periods a statement could not settle in <paramref name="intoPeriod"/>, for the creator's next statement.</summary>
    Task CarryForwardAsync(string creatorId, IEnumerable<PeriodKey> recordPeriods, PeriodKey intoPeriod, Instant now, CancellationToken ct);
}
