using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Payouts.DevHost.ApiReference;

/// <summary>
/// <c>GET /api/docs</c>: a static page rendering <c>/api/openapi.yaml</c> with Swagger UI, whose assets are embedded
/// in the DevHost (copied from npm by scripts/api-reference-assets.sh), so the page loads nothing from elsewhere; its
/// Content-Security-Policy says so to the browser too.
/// </summary>
public static class ApiReferencePage
{
    public const string Path = "/api/docs";

    /// <summary>Swagger UI styles its parts inline; everything else, scripts included, comes from this host.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["reference.js"] = "text/javascript; charset=utf-8",
        ["swagger-ui-bundle.js"] = "text/javascript; charset=utf-8",
        ["swagger-ui.css"] = "text/css; charset=utf-8",
        ["LICENSE"] = "text/plain; charset=utf-8",
        ["NOTICE"] = "text/plain; charset=utf-8",
    };

    public static IReadOnlyCollection<string> AssetNames => Assets.Keys;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, context => ServeAsync(context, "index.html")).WithDisplayName("ApiReferencePage");
        endpoints.MapGet(Path + "/{asset}", context => ServeAsync(context, context.GetRouteValue("asset") as string ?? string.Empty)).WithDisplayName("ApiReferenceAssets");
    }

    private static async Task ServeAsync(HttpContext context, string asset)
    {
        if (!Assets.TryGetValue(asset, out var contentType) || typeof(ApiReferencePage).Assembly.GetManifestResourceStream($"ApiReference/{asset}") is not { } stream)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            context.Response.ContentType = contentType;
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-cache";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
