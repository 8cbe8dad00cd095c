using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payouts.Azurite;
using Payouts.Functions.Health;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Health;

/// <summary>The app's own clients pointed at loopback ports nobody listens on: every storage call is refused for real.</summary>
public sealed class HealthUnreachableStorageTests : IAsyncLifetime
{
    private readonly ServiceProvider _services = PayoutsAppFixture.BuildServices(ClosedPortsConnectionString(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)), new TestBuildProbe());

    [Fact]
    public async Task Health_StorageUnreachable_Is503Unhealthy_AndTheDetailsSayWhy()
    {
        var handler = _services.GetRequiredService<HealthHandler>();

        var details = await HttpCall.ExecuteAsync<Functions.Health.HealthDetailsHttp>(HttpCall.Get(), await handler.DetailsAsync(CancellationToken.None));
        var response = await HttpCall.ExecuteAsync<Functions.Health.HealthHttp>(HttpCall.Get(), await handler.CheckAsync(CancellationToken.None));

        Assert.Equal(503, response.Status);
        Assert.Equal("unhealthy", response.Body.GetProperty("status").GetString());
        var checks = details.Body.GetProperty("checks");
        Assert.Equal(503, details.Status);
        Assert.Equal("unhealthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Contains("storage unreachable", checks.GetProperty("storage").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("unhealthy", checks.GetProperty("queues").GetProperty("status").GetString());
        Assert.Equal("notChecked", checks.GetProperty("rates").GetProperty("status").GetString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static string ClosedPortsConnectionString()
    {
        string Endpoint() => $"http://127.0.0.1:{ClosedPort()}/{AzuriteServer.AccountName}";
        return $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint={Endpoint()};QueueEndpoint={Endpoint()};TableEndpoint={Endpoint()};";
    }

    /// <summary>A port the OS just handed out and took back: nothing listens there.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
