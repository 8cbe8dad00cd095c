using Payouts.Application.Statements;
using Payouts.Domain.Statements;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeDocuments : IStatementDocuments
{
    public List<(StatementId Id, string BuildId)> Written { get; } = [];

    /// <summary>Runs as the documents are written (a test takes the lease away here, say).</summary>
    public Action? OnWrite { get; set; }

    public Task WriteAsync(Statement statement, string buildId, CancellationToken ct)
    {
        lock (Written)
        {
            Written.Add((statement.Id, buildId));
        }

        OnWrite?.Invoke();
        return Task.CompletedTask;
    }

    public Uri UriOf(StatementHeader header, string format) => new($"memory://statements/{header.BlobPrefix}.{format}");
}
