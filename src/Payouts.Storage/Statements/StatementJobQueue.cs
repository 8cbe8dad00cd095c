using Azure.Storage.Queues;
using Payouts.Application.PayoutBatches;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Statements;

/// <summary>The <c>statement-jobs</c> queue (plain JSON messages, host.json <c>messageEncoding: none</c>) and what waits in it.</summary>
public sealed class StatementJobQueue(QueueServiceClient queues) : IStatementJobQueue, IStatementJobBacklog
{
    public async Task SendAsync(StatementJob job, TimeSpan delay, CancellationToken ct) =>
        await queues.GetQueueClient(QueueNames.StatementJobs).SendMessageAsync(job.ToJson(), delay > TimeSpan.Zero ? delay : null, cancellationToken: ct);

    /// <summary>The queues' approximate counts: never lower than the truth, and they include messages being processed.</summary>
    public async Task<StatementJobBacklog> GetAsync(CancellationToken ct) =>
        new(await DepthAsync(QueueNames.StatementJobs, ct), await DepthAsync(QueueNames.PoisonOf(QueueNames.StatementJobs), ct));

    /// <summary>A queue that does not exist holds nothing (the health probe reports it missing).</summary>
    private async Task<int> DepthAsync(string queue, CancellationToken ct)
    {
        try
        {
            return (await queues.GetQueueClient(queue).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
