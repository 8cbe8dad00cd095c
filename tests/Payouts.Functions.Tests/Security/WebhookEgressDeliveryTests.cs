using System.Text.Json;
using System.Text.Json.Nodes;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Security;

/// <summary>
/// Webhooks through the real outbox, HTTP client and Polly pipeline to loopback receivers (the fixture allows loopback
/// http; the address rules themselves are tested in <see cref="WebhookEgressGuardTests"/>).
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class WebhookEgressDeliveryTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    private const string Agency = PayoutsAppFixture.EgressAgency;

    [Fact]
    public async Task ReceiverAnswering307_IsNotFollowed_AndTheOutboxShowsARedirectWithItsStatus()
    {
        await using var elsewhere = await WebhookReceiver.StartAsync();
        await using var agency = await WebhookReceiver.StartAsync();
        agency.RedirectTo(elsewhere.Url);
        var creator = await IssueStatementWithWebhookAsync(agency.Url, "2038-01");

        Assert.NotEmpty(agency.Requests);
        Assert.Empty(elsewhere.Requests);
        var pending = await PendingForAsync(creator);
        Assert.Equal("redirect", pending.GetProperty("lastErrorCategory").GetString());
        Assert.Equal(307, pending.GetProperty("lastStatus").GetInt32());
    }

    [Fact]
    public async Task ReceiverAnsweringAHugeBody_IsDelivered_WithoutTheBodyBeingRead()
    {
        const long Huge = 512L * 1024 * 1024;
        await using var agency = new HugeAnswerServer(Huge);
        var creator = await IssueStatementWithWebhookAsync(agency.Url, "2038-02");

        Assert.Equal(1, agency.Requests);
        Assert.DoesNotContain(await OutboxAsync(), e => e.GetProperty("subjectId").GetString()!.StartsWith(creator, StringComparison.Ordinal));
        // The socket took what the client read of the headers plus the kernel's buffers, never the body.
        await WaitUntilAsync(() => agency.Idle);
        Assert.True(agency.Idle, "the answer was still being read");
        Assert.True(agency.BodyBytesSent < 64 * 1024 * 1024, $"{agency.BodyBytesSent} bytes of the answer were taken");
    }

    [Fact]
    public async Task UnreachableReceiver_ShowsANetworkCategory_NeverTheExceptionText()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/hooks");
        var creator = await IssueStatementWithWebhookAsync(closed, "2038-03");

        var pending = await PendingForAsync(creator);
        Assert.Equal("network", pending.GetProperty("lastErrorCategory").GetString());
        Assert.Equal(0, pending.GetProperty("lastStatus").GetInt32());
        var text = pending.GetRawText();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PendingDelivery_FollowsTheAgencysCurrentUrl()
    {
        await using var moved = await WebhookReceiver.StartAsync();
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/hooks");
        var creator = await IssueStatementWithWebhookAsync(closed, "2038-04");
        Assert.Equal("network", (await PendingForAsync(creator)).GetProperty("lastErrorCategory").GetString());

        await PutAgencyAsync(moved.Url, Agency);
        App.Time.Advance(TimeSpan.FromMinutes(5));
        await RunWebhookTimerAsync();

        // Every waiting delivery of the agency follows it, this creator's among them.
        Assert.Single(moved.Requests, r => r.Body.Contains(creator, StringComparison.Ordinal));
        Assert.DoesNotContain(await OutboxAsync(), e => e.GetProperty("subjectId").GetString()!.StartsWith(creator, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://user:password@hooks.example.com/payouts")]
    [InlineData("ftp://hooks.example.com/payouts")]
    public async Task PutAgency_WithAUrlAWebhookMayNotUse_Is400(string url)
    {
        var body = new JsonObject { ["name"] = "Agency", ["webhookUrl"] = url };

        var response = await AdminAsync<PutAgencyHttp>(body.ToJsonString(), (f, r) => f.Run(r, Payloads.Unique("ag"), CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.True(response.Body.GetProperty("errors").TryGetProperty("webhookUrl", out _));
    }

    /// <summary>A creator of the egress agency with one deal in <paramref name="period"/>, the period closed and its statement built.</summary>
    private async Task<string> IssueStatementWithWebhookAsync(Uri webhook, string period)
    {
        var creator = Payloads.Unique("egress");
        SetClock($"{period}-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhook, Agency);
        await PutCreatorAsync(creator, agencyId: Agency, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "10.00").With("earnedAt", $"{period}-05T10:00:00Z")));
        SetClock($"{NextMonth(period)}-05T12:00:00Z");
        await ClosePeriodAsync(period);
        await DrainStatementJobsAsync();
        return creator;
    }

    private static string NextMonth(string period) =>
        DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    private async Task<JsonElement> PendingForAsync(string creator) =>
        Assert.Single(await OutboxAsync(), e => e.GetProperty("subjectId").GetString()!.StartsWith(creator, StringComparison.Ordinal) && e.GetProperty("channel").GetString() == "webhook");

}
