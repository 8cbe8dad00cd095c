using Microsoft.Azure.Functions.Worker;
using Payouts.Application.Outbox;

namespace Payouts.Functions.Statements;

/// <summary>Delivers due webhook outbox entries every minute.</summary>
public sealed class DispatchWebhooksTimer(OutboxDispatcher dispatcher)
{
    [Function(nameof(DispatchWebhooksTimer))]
    public Task Run([TimerTrigger("%Payouts:WebhookSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        dispatcher.DispatchDueAsync(cancellationToken);
}
