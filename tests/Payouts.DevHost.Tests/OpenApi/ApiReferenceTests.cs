using System.Net;
using System.Net.Http.Headers;
using Payouts.DevHost.ApiReference;
using Payouts.DevHost.Hosting;
using Payouts.DevHost.Tests.Infrastructure;

namespace Payouts.DevHost.Tests.OpenApi;

/// <summary>The DevHost serves the document (through the Functions app's own anonymous function) and a reference page that loads nothing from elsewhere.</summary>
[Collection(DevHostCollection.Name)]
public sealed class ApiReferenceTests(DevHostFixture host)
{
    [Fact]
    public async Task OpenApiYaml_IsTheRepositorysDocument_Anonymous_WithAnETagThatAnswers304()
    {
        using var first = await host.Http.GetAsync("api/openapi.yaml");
        var served = await first.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/openapi.yaml");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/yaml", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(RepositoryFile("docs", "openapi.yaml")), served);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Docs_IsAnHtmlPageRenderingTheDocument_WithAPolicyThatAdmitsOnlyThisHost()
    {
        using var page = await host.Http.GetAsync("api/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/docs/swagger-ui-bundle.js", html, StringComparison.Ordinal);
        Assert.Equal(ApiReferencePage.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("swagger-ui-bundle.js", "text/javascript")]
    [InlineData("swagger-ui.css", "text/css")]
    [InlineData("reference.js", "text/javascript")]
    public async Task Docs_AssetsAreServedFromTheDevHost(string asset, string mediaType)
    {
        using var response = await host.Http.GetAsync($"api/docs/{asset}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task Docs_AnythingElseUnderIt_Is404()
    {
        using var response = await host.Http.GetAsync("api/docs/..%2Fhost.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Docs_KeptAssets_AreThoseOfThePinnedSwaggerUi()
    {
        var pinned = File.ReadAllText(RepositoryFile("tools", "package.json"));
        var kept = File.ReadAllText(RepositoryFile("src", "Payouts.DevHost", "ApiReference", "swagger-ui", "VERSION")).Trim();

        Assert.Contains($"\"swagger-ui-dist\": \"{kept}\"", pinned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_ForAnotherHostName_Is400LikeEveryRoute()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/docs");
        request.Headers.Host = "evil.test";
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    internal static string RepositoryFile(params string[] parts) =>
        Path.Combine([DevHostConfiguration.RepositoryRoot() ?? throw new InvalidOperationException("No repository root above the test."), .. parts]);
}
