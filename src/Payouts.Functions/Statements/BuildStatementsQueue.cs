using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Functions.Statements;

/// <summary>Builds the statements of one job's creators. Storage failures throw (the host retries); busy creators are re-queued.</summary>
public sealed class BuildStatementsQueue(StatementJobHandler handler)
{
    [Function(nameof(BuildStatementsQueue))]
    public Task Run([QueueTrigger(QueueNames.StatementJobs)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message.Body.ToString(), cancellationToken);
}
