using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payouts.Functions.Http;

namespace Payouts.Functions.OpenApi;

/// <summary>Anonymous and cacheable: the API's OpenAPI document, for client generators and the reference page.</summary>
public sealed class GetOpenApiDocumentHttp
{
    public const string CacheControl = "public, max-age=300";

    [Function(nameof(GetOpenApiDocumentHttp))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.yaml")] HttpRequest request)
    {
        var document = OpenApiDocument.Current;
        return EntityTags.NoneMatchHits(request.Headers.IfNoneMatch.ToString(), document.ETag)
            ? new NotModifiedResult(document.ETag)
            : new BytesResult(StatusCodes.Status200OK, OpenApiDocument.ContentType, document.Content)
            {
                Headers = new Dictionary<string, string> { ["ETag"] = document.ETag, ["Cache-Control"] = CacheControl },
            };
    }
}
