using Payouts.Application.Agencies;
using Payouts.Domain.Agencies;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeAgencyDocuments : IAgencyStatementDocuments
{
    public List<(AgencyStatementId Id, string BuildId)> Written { get; } = [];

    public Task WriteAsync(AgencyStatement statement, string buildId, CancellationToken ct)
    {
        lock (Written)
        {
            Written.Add((statement.Id, buildId));
        }

        return Task.CompletedTask;
    }

    public Uri UriOf(AgencyStatementHeader header, string format) => new($"memory://statements/{header.BlobPrefix}.{format}");
}
