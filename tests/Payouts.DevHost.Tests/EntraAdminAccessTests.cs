using System.Net;
using System.Text;
using Payouts.DevHost.Hosting;
using Payouts.Functions.Admin;

namespace Payouts.DevHost.Tests;

/// <summary>
/// With <c>Payouts:Admin:RequireEntraRole</c> on, as the Bicep sets it next to App Service authentication, admin routes
/// need an operator on top of the master key; partner and anonymous routes are untouched. Over real HTTP, through the
/// app's worker middleware. (The principal header is what App Service sets after validating a token; here the test
/// plays that part.)
/// </summary>
public sealed class EntraAdminAccessTests(EntraAdminAccessTests.Host host) : IClassFixture<EntraAdminAccessTests.Host>
{
    [Fact]
    public async Task AdminRoute_WithTheMasterKeyAlone_Is401Problem()
    {
        using var response = await GetOutboxAsync(principal: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminRoute_WithACallerWithoutTheOperatorRole_Is403()
    {
        using var response = await GetOutboxAsync(Principal("Payouts.Reader"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AdminRoute_WithAnOperator_Runs()
    {
        using var response = await GetOutboxAsync(Principal("Payouts.Operator"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminRoute_WithAnOperatorButNoMasterKey_IsStill401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/outbox");
        request.Headers.Add(EntraPrincipal.HeaderName, Principal("Payouts.Operator"));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousHealth_IsUntouched()
    {
        using var response = await host.Http.GetAsync(new Uri("api/health", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetOutboxAsync(string? principal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/outbox");
        request.Headers.Add("x-functions-key", host.App.Keys.MasterKey);
        if (principal is not null)
        {
            request.Headers.Add(EntraPrincipal.HeaderName, principal);
        }

        return await host.Http.SendAsync(request);
    }

    private static string Principal(string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","claims":[{"typ":"roles","val":"{{role}}"},{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"0f1e2d3c"}],"name_typ":"name","role_typ":"roles"}"""));

    /// <summary>A DevHost of its own, with the role check on.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public DevHostApp App { get; private set; } = null!;

        public HttpClient Http { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await DevHostApp.StartAsync(
                new DevHostOptions
                {
                    Port = 0,
                    ScheduleTimers = false,
                    AppLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
                    Settings = new Dictionary<string, string?> { ["Payouts:Admin:RequireEntraRole"] = "true" },
                },
                CancellationToken.None);
            Http = new HttpClient { BaseAddress = App.BaseAddress };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
        }
    }
}
