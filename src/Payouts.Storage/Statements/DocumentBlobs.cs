using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Payouts.Storage.Statements;

/// <summary>Statement documents as blobs: created only if absent (If-None-Match: *), read back as stored.</summary>
internal static class DocumentBlobs
{
    public static async Task CreateAsync(BlobContainerClient container, string name, byte[] content, string contentType, CancellationToken ct) =>
        await container.GetBlobClient(name).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            },
            ct);

    /// <summary>The blob's content, or null when there is none by that name.</summary>
    public static async Task<BinaryData?> ReadAsync(BlobContainerClient container, string name, CancellationToken ct)
    {
        try
        {
            return (await container.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
