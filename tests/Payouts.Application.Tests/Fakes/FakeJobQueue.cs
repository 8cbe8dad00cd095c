using Payouts.Application.Periods;
using Payouts.Application.Statements;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeJobQueue : IStatementJobQueue
{
    public List<(StatementJob Job, TimeSpan Delay)> Sent { get; } = [];

    public Task SendAsync(StatementJob job, TimeSpan delay, CancellationToken ct)
    {
        lock (Sent)
        {
            Sent.Add((job, delay));
        }

        return Task.CompletedTask;
    }
}
