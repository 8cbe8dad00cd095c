using System.Net;
using Payouts.Examples;
using Payouts.DevHost.Tests.Infrastructure;

namespace Payouts.DevHost.Tests.OpenApi;

/// <summary>
/// The README's signed-request examples are the files of docs/examples, word for word; the C# one runs here against
/// the DevHost (curl, Node and Python are run by scripts/check-client-examples.sh from .ci/run).
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class ClientExampleTests(DevHostFixture host)
{
    [Fact]
    public async Task CSharpExample_SignsARequestTheDevHostAccepts_AndTheAnswerIsTheDocumentedOne()
    {
        var body = $$"""{"partnerId":"{{DevHostFixture.Partner}}","records":[{"recordId":"r-{{Guid.NewGuid():N}}","creatorId":"lea","giftId":"rose","coinsPerGift":1,"quantity":5,"occurredAt":"2026-11-05T20:15:00+01:00","kind":"gift"}]}""";

        using var response = await SignedRequest.PostAsync(host.Http, "api/gifts", body, host.App.Keys.FunctionKey, DevHostFixture.PartnerSecret);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"accepted\"", text, StringComparison.Ordinal);
        Assert.Empty(ApiContract.ApiContract.Current.Check("post", "/api/gifts", 200, response.Content.Headers.ContentType?.ToString(), text));
    }

    [Theory]
    [InlineData("signed-request.sh")]
    [InlineData("signed-request.mjs")]
    [InlineData("signed_request.py")]
    [InlineData("SignedRequest.cs")]
    public void Readme_ShowsTheExampleFileAsItIs(string file)
    {
        static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var readme = Normalized(File.ReadAllText(ApiReferenceTests.RepositoryFile("README.md")));
        var example = Normalized(File.ReadAllText(ApiReferenceTests.RepositoryFile("docs", "examples", file)));

        Assert.True(readme.Contains(example, StringComparison.Ordinal), $"README.md does not show docs/examples/{file} as it is.");
    }
}
