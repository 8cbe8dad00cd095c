using System.Security.Cryptography;
using Payouts.Functions.Http;

namespace Payouts.Functions.OpenApi;

/// <summary>
/// docs/openapi.yaml as this build embedded it: the contract the app was built and tested against, with a strong
/// ETag (its SHA-256), served by <see cref="GetOpenApiDocumentHttp"/> and read by the contract tests.
/// </summary>
public sealed class OpenApiDocument
{
    public const string ResourceName = "Payouts.Functions.openapi.yaml";
    public const string ContentType = "application/yaml; charset=utf-8";

    private static readonly Lazy<OpenApiDocument> Embedded = new(Load);

    private OpenApiDocument(byte[] content)
    {
        Content = content;
        ETag = EntityTags.Strong(Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public static OpenApiDocument Current => Embedded.Value;

    public byte[] Content { get; }

    public string ETag { get; }

    private static OpenApiDocument Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build did not embed {ResourceName} (docs/openapi.yaml).");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new OpenApiDocument(buffer.ToArray());
    }
}
