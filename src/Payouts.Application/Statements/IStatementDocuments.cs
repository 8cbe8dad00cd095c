using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>The rendered documents of a statement (<see cref="StatementFormats.Issued"/>), written create-only under a build attempt's names.</summary>
public interface IStatementDocuments
{
    Task WriteAsync(Statement statement, string buildId, CancellationToken ct);

    Uri UriOf(StatementHeader header, string format);
}
