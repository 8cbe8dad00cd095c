using Payouts.Functions.OpenApi;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.OpenApi;

/// <summary>The Functions app serves the document it embeds: anonymous, cacheable, a strong ETag that answers 304.</summary>
public sealed class GetOpenApiDocumentHttpTests
{
    [Fact]
    public async Task Get_IsTheEmbeddedDocument_WithAStrongETagAndCacheControl()
    {
        var request = HttpCall.Get();

        var response = await HttpCall.ExecuteAsync<GetOpenApiDocumentHttp>(request, new GetOpenApiDocumentHttp().Run(request));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/yaml", response.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("openapi: 3.1.0", response.Text, StringComparison.Ordinal);
        Assert.Matches("^\"[0-9a-f]{64}\"$", response.Headers["ETag"]);
        Assert.Equal(GetOpenApiDocumentHttp.CacheControl, response.Headers["Cache-Control"]);
    }

    [Fact]
    public async Task Get_WithTheETagInIfNoneMatch_Is304WithoutABody()
    {
        var request = HttpCall.Get();
        request.Headers.IfNoneMatch = OpenApiDocument.Current.ETag;

        var response = await HttpCall.ExecuteAsync<GetOpenApiDocumentHttp>(request, new GetOpenApiDocumentHttp().Run(request));

        Assert.Equal(304, response.Status);
        Assert.Empty(response.Text);
    }
}
