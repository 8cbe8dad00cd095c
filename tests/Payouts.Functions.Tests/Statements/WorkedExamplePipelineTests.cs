using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Domain.Statements;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Statements;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// DOMAIN.md §5 end to end: records in over HTTP, October closed by the timer (12.30 EUR carried, under the 50.00
/// minimum), November closed by the timer, and lea's November statement is the worked example number for number,
/// stored, rendered, queued for payment and delivered by signed webhook, and October's agency statement announced too.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class WorkedExamplePipelineTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task WorkedExample_ThroughThePipeline_MatchesDomainNumberForNumber()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var lea = Payloads.Unique("lea");
        SetClock("2026-11-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(receiver.Url);
        await PutCreatorAsync(lea);

        // October: one 14.47 EUR placement; 15 % commission 2.17 → net 12.30, under the minimum, so carried forward.
        var october = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("oct", lea, "14.47").With("earnedAt", "2026-10-15T10:00:00Z")));
        Assert.Equal(["accepted"], october.Statuses);
        await RunCloseTimerAsync();
        await DrainStatementJobsAsync();

        var octoberHeader = await HeaderAsync(lea, "2026-10");
        Assert.NotNull(octoberHeader);
        Assert.Equal(nameof(StatementStatus.CarriedForward), octoberHeader.GetString("Status"));
        Assert.Equal(1230, octoberHeader.GetInt64("CarriedForwardMinor"));
        Assert.Equal(0, octoberHeader.GetInt64("PayableMinor"));

        // November: the worked example's records.
        var gifts = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("rose", lea, 1, 300, "2026-11-03T20:00:00+01:00"),
            Payloads.Gift("galaxy", lea, 1000, 2, "2026-11-05T21:00:00+01:00"),
            Payloads.Gift("lion", lea, 29_999, 1, "2026-11-07T22:00:00+01:00"),
            Payloads.Gift("refund", lea, 1000, 1, "2026-11-08T10:00:00+01:00").With("kind", "refund").With("originalRecordId", Payloads.RecordId(lea, "galaxy"))));
        var deals = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("placement", lea, "500.00"),
            Payloads.Deal("bonus", lea, "2000", "DIAMOND", "eventBonus")));
        Assert.Equal(["accepted", "accepted", "accepted", "accepted"], gifts.Statuses);
        Assert.Equal(["accepted", "accepted"], deals.Statuses);

        SetClock("2026-12-03T00:00:00Z");
        await RunCloseTimerAsync();
        await DrainStatementJobsAsync();

        var november = await HeaderAsync(lea, "2026-11");
        Assert.NotNull(november);
        Assert.Equal(nameof(StatementStatus.Issued), november.GetString("Status"));
        Assert.Equal(7199, november.GetInt64("GiftsMinor"));
        Assert.Equal(50000, november.GetInt64("DealsMinor"));
        Assert.Equal(920, november.GetInt64("BonusesMinor"));
        Assert.Equal(-(1440 + 7500 + 92), november.GetInt64("AgencyCommissionMinor"));
        Assert.Equal(49087, november.GetInt64("NetMinor"));
        Assert.Equal(1230, november.GetInt64("BroughtForwardMinor"));
        Assert.Equal(50317, november.GetInt64("PayableMinor"));
        Assert.Equal(0, november.GetInt64("CarriedForwardMinor"));
        Assert.Equal(6, november.GetInt32("RecordCount"));

        await AssertDocumentsAsync(lea);
        await AssertPaymentMessagesAsync(lea);
        await AssertWebhooksDeliveredAsync(receiver);
    }

    private async Task AssertDocumentsAsync(string lea)
    {
        var id = $"{lea}~2026-11~v1";
        var json = await GetStatementAsync(id, "application/json");
        Assert.Equal(200, json.Status);
        Assert.Contains("\"503.17\"", json.Text, StringComparison.Ordinal);
        Assert.Contains("dpc-fr-2025", json.Text, StringComparison.Ordinal);

        var csv = await GetStatementAsync(id, "text/csv");
        Assert.StartsWith("text/csv", csv.ContentType, StringComparison.Ordinal);
        Assert.Contains("490.87", csv.Text, StringComparison.Ordinal);

        var html = await GetStatementAsync(id, "text/html");
        Assert.StartsWith("text/html", html.ContentType, StringComparison.Ordinal);
        Assert.Contains("503.17", html.Text, StringComparison.Ordinal);

        var blob = await App.Services.GetRequiredService<StatementDocuments>().ReadAsync((await TypedHeaderAsync(lea, "2026-11"))!, "json", CancellationToken.None);
        Assert.Equal(json.Text, blob!.ToString());

        var list = (await ListStatementsAsync(lea)).Body.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(["2026-10", "2026-11"], list.Select(s => s.GetProperty("period").GetString()));
        Assert.Equal("12.30", list[0].GetProperty("carriedForward").GetString());
    }

    private async Task AssertPaymentMessagesAsync(string lea)
    {
        var messages = await PayoutMessagesAsync(lea);
        Assert.Equal(["2026-10", "2026-11"], messages.Select(m => m.GetProperty("period").GetString()).Order());
        var november = messages.Single(m => m.GetProperty("period").GetString() == "2026-11");
        Assert.Equal("503.17", november.GetProperty("payable").GetString());
        Assert.Equal("EUR", november.GetProperty("currency").GetString());
        var header = await TypedHeaderAsync(lea, "2026-11");
        Assert.EndsWith($"/2026-11/{lea}/v1/{header!.BuildId}.html", november.GetProperty("documents").GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", november.GetProperty("deliveryId").GetString());
    }

    private async Task AssertWebhooksDeliveredAsync(WebhookReceiver receiver)
    {
        // The statement jobs dispatched both at once, each when its period closed: the timer finds nothing left.
        await RunWebhookTimerAsync();

        // lea's two statements, and nova's agency statement of October, issued by the second timer run once October's
        // statements were all in (nova's agency statements of other tests' periods may arrive too: not counted here).
        var received = receiver.Requests.ToList();
        var statements = received.Where(r => r.Event == "statement.issued").ToList();
        Assert.Equal(2, statements.Count);
        Assert.Equal(2, statements.Select(r => r.DeliveryId).Distinct().Count());
        Assert.Single(received, r => r.Event == "agencyStatement.issued" && Payloads.Parse(r.Body).GetProperty("period").GetString() == "2026-10");
        Assert.All(received, r => Assert.True(r.Event is "statement.issued" or "agencyStatement.issued", r.Event));
        Assert.Equal(received.Count, received.Select(r => r.DeliveryId).Distinct().Count());
        foreach (var request in received)
        {
            var body = Encoding.UTF8.GetBytes(request.Body);
            foreach (var secret in new[] { PayoutsAppFixture.WebhookSecret, PayoutsAppFixture.WebhookRotatedSecret })
            {
                Assert.Equal(SignatureCheck.Valid, PayloadSignature.Verify(request.Signature, body, [secret], SignedAt(request.Signature), Duration.FromMinutes(5)));
            }
        }

        // Delivered entries are not sent again.
        await RunWebhookTimerAsync();
        Assert.Equal(received.Count, receiver.Requests.Count);
    }

    /// <summary>The instant a webhook was signed (its <c>t=</c>): each was sent when its period's statements were built.</summary>
    private static Instant SignedAt(string signature) =>
        Instant.FromUnixTimeSeconds(long.Parse(signature.Split(',')[0]["t=".Length..], System.Globalization.CultureInfo.InvariantCulture));
}
