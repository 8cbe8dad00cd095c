using Payouts.Application.Periods;

namespace Payouts.Application.Statements;

/// <summary>The statement-jobs queue, for the closer's jobs and a job's re-queued busy creators.</summary>
public interface IStatementJobQueue
{
    Task SendAsync(StatementJob job, TimeSpan delay, CancellationToken ct);
}
