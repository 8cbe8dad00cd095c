using Microsoft.Extensions.Logging;
using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Storage.Periods;

namespace Payouts.Storage.ReferenceData;

/// <summary>
/// Publishes a rate version as history: insert-only (the same version again is a no-op, other content for the same
/// rate and day is refused), and never silently inside a period whose statements are issued.
/// </summary>
/// <remarks>
/// A rate effective from day D applies to every record from D on (FX: to every period whose last day is on or after
/// D) until the next version starts. So it would change what an issued statement used when some period from D's
/// period on has started closing (Closing or Closed) and the rate already had a version before D: that version
/// valued those records. When the rate had no version before D, every statement needing it from D on was blocked,
/// not issued: the new version fills the gap and is accepted (the way to unblock a statement). Otherwise it is
/// refused unless forced with a reason, which is recorded on the row and logged. Forced or not, issued statements
/// never change: only statements built later see the rate.
/// </remarks>
public sealed partial class RatePublisher(RateStore rates, PeriodStore periods, PeriodCalendar calendar, IClock clock, ILogger<RatePublisher> logger)
{
    public async Task<RatePublication> PublishAsync(RateEntry entry, RateForce? force, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await rates.GetAsync(entry.Kind, entry.Key, entry.From, ct) is { } stored)
        {
            return RatePublication.Of(RateStore.SameContent(stored, entry) ? RatePublicationOutcome.Unchanged : RatePublicationOutcome.VersionExists);
        }

        var issued = await IssuedPeriodsAffectedAsync(entry, ct);
        if (issued.Count > 0 && force is null)
        {
            return new RatePublication(RatePublicationOutcome.InsideIssuedPeriod, issued);
        }

        var forced = issued.Count > 0 ? new RateOverride(force!, clock.GetCurrentInstant(), issued) : null;
        switch (await rates.AddAsync(entry, forced, ct))
        {
            case VersionWrite.Unchanged:
                return RatePublication.Of(RatePublicationOutcome.Unchanged);
            case VersionWrite.Conflict:
                return RatePublication.Of(RatePublicationOutcome.VersionExists);
            case VersionWrite.Added when forced is not null:
                LogForced(logger, entry.Kind, entry.VersionId, entry.From, issued.Count, issued[0], issued[^1]);
                return new RatePublication(RatePublicationOutcome.AddedByForce, issued);
            default:
                return RatePublication.Of(RatePublicationOutcome.Added);
        }
    }

    /// <summary>The periods from the rate's start on whose close has started, when an earlier version valued their records.</summary>
    private async Task<IReadOnlyList<PeriodKey>> IssuedPeriodsAffectedAsync(RateEntry entry, CancellationToken ct)
    {
        var started = await periods.ListClosingOrClosedFromAsync(PeriodKey.Containing(calendar.Kind, entry.From), ct);
        if (started.Count == 0 || !await rates.HasVersionBeforeAsync(entry.Kind, entry.Key, entry.From, ct))
        {
            return [];
        }

        return started;
    }

    // The reason and the requester stay on the Rates row: free text and principal ids do not belong in logs.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate {RateKind} version {VersionId} from {From} stored by force inside {PeriodCount} issued periods ({FirstPeriod} to {LastPeriod}); issued statements keep their rates, the reason is on its Rates row")]
    private static partial void LogForced(ILogger logger, RateKind rateKind, string versionId, LocalDate from, int periodCount, PeriodKey firstPeriod, PeriodKey lastPeriod);
}
