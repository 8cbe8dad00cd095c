using Azure.Storage.Queues;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Statements;

/// <summary>The <c>statement-jobs</c> queue (plain JSON messages, host.json <c>messageEncoding: none</c>).</summary>
public sealed class StatementJobQueue(QueueServiceClient queues) : IStatementJobQueue
{
    public async Task SendAsync(StatementJob job, TimeSpan delay, CancellationToken ct) =>
        await queues.GetQueueClient(QueueNames.StatementJobs).SendMessageAsync(job.ToJson(), delay > TimeSpan.Zero ? delay : null, cancellationToken: ct);
}
