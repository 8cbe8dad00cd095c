using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Storage.Statements;

/// <summary>
/// The statement documents in blob storage: statements/{period}/{creatorId}/v{n}.json | .csv | .html. Written before
/// the statement is committed (a retry overwrites them with the same content) and never after.
/// </summary>
public sealed class StatementDocuments(BlobServiceClient blobs)
{
    public const string Container = "statements";

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["json"] = "application/json",
        ["csv"] = "text/csv; charset=utf-8",
        ["html"] = "text/html; charset=utf-8",
    };

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(Container);

    public static string Prefix(StatementId id) => $"{id.Period}/{id.CreatorId}/v{id.Version}";

    public async Task EnsureContainerAsync(CancellationToken ct) => await _container.CreateIfNotExistsAsync(cancellationToken: ct);

    public async Task WriteAsync(Statement statement, CancellationToken ct)
    {
        var prefix = Prefix(statement.Id);
        await Task.WhenAll(
            UploadAsync($"{prefix}.json", StatementJson.ToUtf8(statement), "json", ct),
            UploadAsync($"{prefix}.csv", StatementCsv.ToUtf8(statement), "csv", ct),
            UploadAsync($"{prefix}.html", Encoding.UTF8.GetBytes(StatementHtml.ToHtml(statement)), "html", ct));
    }

    /// <summary>One rendering of an issued statement, or null when there is none.</summary>
    public async Task<BinaryData?> ReadAsync(StatementId id, string format, CancellationToken ct)
    {
        var blob = _container.GetBlobClient($"{Prefix(id)}.{format}");
        var exists = await blob.ExistsAsync(ct);
        return exists.Value ? (await blob.DownloadContentAsync(ct)).Value.Content : null;
    }

    public Uri UriOf(StatementId id, string format) => _container.GetBlobClient($"{Prefix(id)}.{format}").Uri;

    private async Task UploadAsync(string name, byte[] content, string format, CancellationToken ct) =>
        await _container.GetBlobClient(name).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypes[format] } },
            ct);
}
