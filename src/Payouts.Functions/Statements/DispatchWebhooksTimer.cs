using Microsoft.Azure.Functions.Worker;
using Payouts.Storage.Webhooks;

namespace Payouts.Functions.Statements;

/// <summary>Delivers due webhook outbox entries every minute.</summary>
public sealed class DispatchWebhooksTimer(WebhookDispatcher dispatcher)
{
    [Function(nameof(DispatchWebhooksTimer))]
    public Task Run([TimerTrigger("%Payouts:WebhookSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        dispatcher.DispatchDueAsync(cancellationToken);
}
