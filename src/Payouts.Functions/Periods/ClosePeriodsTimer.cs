using Microsoft.Azure.Functions.Worker;
using Payouts.Application.Periods;

namespace Payouts.Functions.Periods;

/// <summary>Closes every due period on a UTC schedule (app setting Payouts:CloseSchedule, default hourly).</summary>
public sealed class ClosePeriodsTimer(PeriodCloser closer)
{
    [Function(nameof(ClosePeriodsTimer))]
    public Task Run([TimerTrigger("%Payouts:CloseSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        closer.CloseDueAsync(cancellationToken);
}
