using System.Text;
using Azure.Storage.Blobs;
using Payouts.Application.Statements;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using Payouts.Rendering.Pdf;

namespace Payouts.Storage.Statements;

/// <summary>
/// The statement documents in blob storage: statements/{period}/{creatorId}/v{n}/{build}.json | .csv | .html | .pdf. Each
/// build attempt writes under its own name, create-only (If-None-Match: *), before the commit; the committed header
/// names the attempt whose documents are the statement's. So no later write, by a retry or by a builder that lost its
/// lease, can replace an issued document: it can only add an unreferenced one. A statement is never rendered again
/// after it is issued: one whose header lists no PDF (issued before PDFs were stored) has none.
/// </summary>
public sealed class StatementDocuments(BlobServiceClient blobs) : IStatementDocuments
{
    public const string Container = "statements";

    public static IReadOnlyDictionary<string, string> ContentTypes => StatementFormats.ContentTypes;

    private static readonly SemaphoreSlim Renders = new(Environment.ProcessorCount);

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(Container);

    public static string Prefix(StatementId id, string buildId) => $"{id.Period}/{id.CreatorId}/v{id.Version}/{buildId}";

    public async Task EnsureContainerAsync(CancellationToken ct) => await _container.CreateIfNotExistsAsync(cancellationToken: ct);

    public async Task WriteAsync(Statement statement, string buildId, CancellationToken ct)
    {
        var prefix = Prefix(statement.Id, buildId);
        var (json, csv, html, pdf) = await RenderAsync(statement, ct);
        await Task.WhenAll(
            CreateAsync($"{prefix}.json", json, "json", ct),
            CreateAsync($"{prefix}.csv", csv, "csv", ct),
            CreateAsync($"{prefix}.html", html, "html", ct),
            CreateAsync($"{prefix}.pdf", pdf, "pdf", ct));
    }

    /// <summary>
    /// Rendering is CPU work (the PDF ≈ 3 ms and 3 MB of garbage for a month of gifts): a close builds two dozen
    /// statements at once, and rendering more of them at once than there are cores only adds memory, not speed.
    /// </summary>
    private static async Task<(byte[] Json, byte[] Csv, byte[] Html, byte[] Pdf)> RenderAsync(Statement statement, CancellationToken ct)
    {
        await Renders.WaitAsync(ct);
        try
        {
            return (StatementJson.ToUtf8(statement), StatementCsv.ToUtf8(statement), Encoding.UTF8.GetBytes(StatementHtml.ToHtml(statement)), StatementPdf.ToPdf(statement));
        }
        finally
        {
            Renders.Release();
        }
    }

    /// <summary>One rendering of an issued statement, or null when it has none in that format.</summary>
    public async Task<BinaryData?> ReadAsync(StatementHeader header, string format, CancellationToken ct) =>
        header.Formats.Contains(format, StringComparer.Ordinal) ? await DocumentBlobs.ReadAsync(_container, $"{header.BlobPrefix}.{format}", ct) : null;

    public Uri UriOf(StatementHeader header, string format) => _container.GetBlobClient($"{header.BlobPrefix}.{format}").Uri;

    private Task CreateAsync(string name, byte[] content, string format, CancellationToken ct) =>
        DocumentBlobs.CreateAsync(_container, name, content, ContentTypes[format], ct);
}
