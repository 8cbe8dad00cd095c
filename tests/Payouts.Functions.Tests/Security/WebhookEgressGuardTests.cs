using System.Net;
using System.Net.Sockets;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Configuration;
using Payouts.Storage.Outbox;

namespace Payouts.Functions.Tests.Security;

/// <summary>The egress rules as production has them (no http, no private addresses), with traffic only to loopback.</summary>
public sealed class WebhookEgressGuardTests
{
    private static readonly WebhookEgressGuard Strict = Guard(new WebhookEgressOptions());

    [Theory]
    [InlineData("http://hooks.example.com/payouts", "https")]
    [InlineData("https://localhost/hooks", "this machine")]
    [InlineData("https://api.localhost./hooks", "this machine")]
    [InlineData("https://127.0.0.1/hooks", "loopback")]
    [InlineData("https://10.0.0.7:8443/hooks", "private")]
    [InlineData("https://169.254.169.254/metadata/instance", "metadata")]
    [InlineData("https://[::1]/hooks", "loopback")]
    [InlineData("https://[fd00:ec2::254]/latest", "private")]
    [InlineData("https://[::ffff:192.168.0.1]/hooks", "private")]
    [InlineData("https://user:pw@hooks.example.com/payouts", "credentials")]
    public void UrlProblem_RefusesWhatAWebhookMayNotTarget(string url, string expected)
    {
        var problem = Strict.UrlProblem(new Uri(url));

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.example.com/payouts")]
    [InlineData("https://8.8.8.8/hooks")]
    [InlineData("https://[2606:4700:4700::1111]/hooks")]
    public void UrlProblem_AllowsPublicHttps(string url) => Assert.Null(Strict.UrlProblem(new Uri(url)));

    [Fact]
    public void UrlProblem_Relaxed_AllowsLoopbackHttpForLocalRuns() =>
        Assert.Null(Guard(new WebhookEgressOptions { AllowHttp = true, AllowPrivateAddresses = true }).UrlProblem(new Uri("http://127.0.0.1:7071/hooks")));

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Connection_ToANameOrAddressThatIsLoopback_IsRefusedBeforeAnyByteIsSent(string host)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new HttpClient(WebhookHttpPolicies.PrimaryHandler(Strict));

        // The URL check is skipped here on purpose: this is the connect-time check, after DNS.
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://{host}:{port}/")));

        Assert.IsType<WebhookTargetRefusedException>(failure.InnerException);
        Assert.False(listener.Pending(), "a connection reached the listener");
    }

    [Fact]
    public async Task Connection_Relaxed_ReachesLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new HttpClient(WebhookHttpPolicies.PrimaryHandler(Guard(new WebhookEgressOptions { AllowHttp = true, AllowPrivateAddresses = true })))
        {
            Timeout = TimeSpan.FromSeconds(2),
        };

        var request = client.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
        using var accepted = await listener.AcceptTcpClientAsync();

        Assert.True(accepted.Connected);
        await Assert.ThrowsAnyAsync<Exception>(() => request);
    }

    private static WebhookEgressGuard Guard(WebhookEgressOptions rules) =>
        new(new StaticOptionsMonitor<PayoutsOptions>(new PayoutsOptions { WebhookEgress = rules }));
}
