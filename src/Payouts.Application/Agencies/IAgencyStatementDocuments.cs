using Payouts.Domain.Agencies;

namespace Payouts.Application.Agencies;

/// <summary>The rendered documents of an agency statement (JSON, CSV, HTML), written create-only under a build attempt's names.</summary>
public interface IAgencyStatementDocuments
{
    Task WriteAsync(AgencyStatement statement, string buildId, CancellationToken ct);

    Uri UriOf(AgencyStatementHeader header, string format);
}
