namespace Payouts.Application.PayoutBatches;

/// <summary>Statement jobs not yet done: waiting or running in statement-jobs, or given up in its poison queue.</summary>
public interface IStatementJobBacklog
{
    Task<StatementJobBacklog> GetAsync(CancellationToken ct);
}
