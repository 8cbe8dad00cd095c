using Microsoft.Azure.Functions.Worker;
using Payouts.Application.Agencies;
using Payouts.Application.Periods;

namespace Payouts.Functions.Periods;

/// <summary>
/// Closes every due period on a UTC schedule (app setting Payouts:CloseSchedule, default hourly), then issues the
/// agency statements of every closed period whose creator statements are all settled and that has none yet.
/// </summary>
public sealed class ClosePeriodsTimer(PeriodCloser closer, AgencyStatementIssuer agencies)
{
    [Function(nameof(ClosePeriodsTimer))]
    public async Task Run([TimerTrigger("%Payouts:CloseSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await closer.CloseDueAsync(cancellationToken);
        await agencies.IssueSettledAsync(cancellationToken);
    }
}
