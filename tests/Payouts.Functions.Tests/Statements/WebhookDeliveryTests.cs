using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>The outbox never loses a webhook and never marks one sent before a 2xx; the receiver sees one delivery id throughout.</summary>
[Collection(StatementsCollection.Name)]
public sealed class WebhookDeliveryTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task ReceiverDownThenUp_StaysPendingThenDeliveredOnceWithTheSameDeliveryId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var creator = Payloads.Unique("hook");
        SetClock("2026-05-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(receiver.Url, "nova");
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "10.00").With("earnedAt", "2026-04-10T10:00:00Z")));
        receiver.FailNext(4);
        await ClosePeriodAsync("2026-04");
        await DrainStatementJobsAsync();

        // The job dispatches what it emitted at once: the first try and three Polly retries, all refused: still
        // pending, with the error visible; the payout message for the payment system went out meanwhile.
        Assert.Equal(4, receiver.Requests.Count);
        var pending = await PendingForAsync(creator);
        Assert.Equal(1, pending.GetProperty("attempts").GetInt32());
        Assert.Contains("503", pending.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("webhook", pending.GetProperty("channel").GetString());
        Assert.Single(await PayoutMessagesAsync(creator));

        // Not due again until its backoff has passed.
        await RunWebhookTimerAsync();
        Assert.Equal(4, receiver.Requests.Count);

        App.Time.Advance(TimeSpan.FromMinutes(5));
        await RunWebhookTimerAsync();

        Assert.Equal(5, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
        Assert.DoesNotContain(await OutboxAsync(), e => e.GetProperty("subjectId").GetString()!.StartsWith(creator, StringComparison.Ordinal));
    }

    private async Task<System.Text.Json.JsonElement> PendingForAsync(string creator) =>
        Assert.Single(await OutboxAsync(), e => e.GetProperty("subjectId").GetString()!.StartsWith(creator, StringComparison.Ordinal));
}

