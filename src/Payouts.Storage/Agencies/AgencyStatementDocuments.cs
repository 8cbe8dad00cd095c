using System.Text;
using Azure.Storage.Blobs;
using Payouts.Application.Agencies;
using Payouts.Application.Statements;
using Payouts.Domain.Agencies;
using Payouts.Domain.Agencies.Rendering;
using Payouts.Storage.Statements;

namespace Payouts.Storage.Agencies;

/// <summary>
/// Agency statement documents beside the creators' in the write-once <c>statements</c> container:
/// agencies/{agencyId}/{period}/v{n}/{build}.json | .csv | .html, created only if absent, before the commit; the
/// committed header names the attempt whose documents are the statement's ("agencies/" is never a period key).
/// </summary>
public sealed class AgencyStatementDocuments(BlobServiceClient blobs) : IAgencyStatementDocuments
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StatementDocuments.Container);

    public static string Prefix(AgencyStatementId id, string buildId) => $"agencies/{id.AgencyId}/{id.Period}/v{id.Version}/{buildId}";

    public async Task WriteAsync(AgencyStatement statement, string buildId, CancellationToken ct)
    {
        var prefix = Prefix(statement.Id, buildId);
        await Task.WhenAll(
            DocumentBlobs.CreateAsync(_container, $"{prefix}.json", AgencyStatementJson.ToUtf8(statement), StatementFormats.ContentTypes["json"], ct),
            DocumentBlobs.CreateAsync(_container, $"{prefix}.csv", AgencyStatementCsv.ToUtf8(statement), StatementFormats.ContentTypes["csv"], ct),
            DocumentBlobs.CreateAsync(_container, $"{prefix}.html", Encoding.UTF8.GetBytes(AgencyStatementHtml.ToHtml(statement)), StatementFormats.ContentTypes["html"], ct));
    }

    /// <summary>One rendering of an issued agency statement, or null when it has none in that format.</summary>
    public Task<BinaryData?> ReadAsync(AgencyStatementHeader header, string format, CancellationToken ct) =>
        DocumentBlobs.ReadAsync(_container, $"{header.BlobPrefix}.{format}", ct);

    public Uri UriOf(AgencyStatementHeader header, string format) => _container.GetBlobClient($"{header.BlobPrefix}.{format}").Uri;
}
