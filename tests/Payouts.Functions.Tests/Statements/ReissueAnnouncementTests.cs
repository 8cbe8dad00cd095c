using Payouts.Application.Statements;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A reissue that pays less (an FX rate fixed by a forced publish): the agency's webhook and the payment system's
/// message announce v2 once, naming what it supersedes and the payable difference; the diff is the same in JSON and
/// CSV; the header records who asked, when and why. Asking again with the same reason answers the same; with another,
/// a 409 naming v2. 2068-10, NOK (a pair no other test publishes).
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class ReissueAnnouncementTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    private const string Reason = "NOK→EUR was published as 0.10 by mistake; 0.09 since the 15th";

    [Fact]
    public async Task Reissue_PayingLess_AnnouncedOnceToAgencyAndPaymentSystem_WithSupersedesAndTheDifference_Audited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var creator = Payloads.Unique("reannounce");
        SetClock("2068-11-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutRateAsync("fx", "NOK/EUR", "0.10", "fx-nok-eur-2068-10", "2068-10-01");
        await PutAgencyAsync(receiver.Url, PayoutsAppFixture.ReissueAgency);
        await PutCreatorAsync(creator, agencyId: PayoutsAppFixture.ReissueAgency, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "1000.00", "NOK").With("earnedAt", "2068-10-12T10:00:00Z")));
        await ClosePeriodAsync("2068-10");
        await DrainStatementJobsAsync();
        var v1Message = Assert.Single(await PayoutMessagesAsync(creator));
        Assert.Equal("85.00", v1Message.GetProperty("payable").GetString());

        await PutRateForcedAsync("fx", "NOK/EUR", "0.09", "fx-nok-eur-2068-10-fix", "2068-10-15", "published 0.10 by mistake");
        SetClock("2068-11-12T09:30:00Z");
        var reissued = await ReissueAsync($"{creator}~2068-10~v1", Reason);

        // 1000 NOK × 0.10 = 100.00 EUR, 15 % commission −15.00: 85.00. At 0.09: 90.00 − 13.50 = 76.50, 8.50 less.
        Assert.Equal(200, reissued.Status);
        var v2 = $"{creator}~2068-10~v2";
        var answer = reissued.Body;
        Assert.Equal((v2, 1, "76.50", "-8.50"), (answer.GetProperty("statementId").GetString(), answer.GetProperty("supersedes").GetInt32(), answer.GetProperty("payable").GetString(), answer.GetProperty("payableDifference").GetString()));
        Assert.Equal((Reason, "master-key", "2068-11-12T09:30:00Z"), (answer.GetProperty("correctionReason").GetString(), answer.GetProperty("reissuedBy").GetString(), answer.GetProperty("reissuedAt").GetString()));

        // The agency hears of v2 once: statement.reissued, what it supersedes and the (non-zero) difference.
        var webhooks = receiver.Requests.Where(r => Payloads.Parse(r.Body).GetProperty("creatorId").GetString() == creator).ToList();
        Assert.Equal([PayoutStatementMessage.IssuedEvent, PayoutStatementMessage.ReissuedEvent], webhooks.Select(w => w.Event));
        var webhook = Payloads.Parse(webhooks[1].Body);
        Assert.Equal((v2, 2, 1, "-8.50", Reason), (webhook.GetProperty("statementId").GetString(), webhook.GetProperty("version").GetInt32(), webhook.GetProperty("supersedes").GetInt32(), webhook.GetProperty("payableDifference").GetString(), webhook.GetProperty("correctionReason").GetString()));
        Assert.Equal(PayoutStatementMessage.ReissuedEvent, webhook.GetProperty("event").GetString());
        Assert.Equal(webhooks[1].DeliveryId, webhook.GetProperty("deliveryId").GetString());

        // So does the payment system.
        var message = Assert.Single(await PayoutMessagesAsync(creator));
        Assert.Equal((PayoutStatementMessage.ReissuedEvent, v2, 1, "-8.50", 7650L), (message.GetProperty("event").GetString(), message.GetProperty("statementId").GetString(), message.GetProperty("supersedes").GetInt32(), message.GetProperty("payableDifference").GetString(), message.GetProperty("payableMinor").GetInt64()));

        // The diff, line by line, the same in JSON and CSV.
        var expected = new[] { ("Deal: productPlacement, Acme (campaign-7)", "100.00", "90.00", "-10.00"), ("Agency commission, deals 15 %", "-15.00", "-13.50", "1.50") };
        var json = (await GetStatementAsync(v2)).Body;
        Assert.Equal("-8.50", json.GetProperty("payableDifference").GetString());
        Assert.Equal(expected, json.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("description").GetString()!, c.GetProperty("before").GetString()!, c.GetProperty("after").GetString()!, c.GetProperty("difference").GetString()!)));
        var csv = (await GetStatementAsync(v2, "text/csv")).Text;
        Assert.Equal(expected, CsvRows.Named(csv, "changed").Select(r => (r[0], r[1], r[2], r[3])));
        Assert.Equal([["v1"]], CsvRows.Named(csv, "supersedes"));
        Assert.Equal([["-8.50"]], CsvRows.Named(csv, "payableDifference"));

        // The audit, where headers are answered: the creator's statement list.
        var listed = (await ListStatementsAsync(creator)).Body.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("statementId").GetString() == v2);
        Assert.Equal((Reason, "master-key", "2068-11-12T09:30:00Z"), (listed.GetProperty("correctionReason").GetString(), listed.GetProperty("reissuedBy").GetString(), listed.GetProperty("reissuedAt").GetString()));

        // Asked again with the same reason: the same answer, nothing announced twice.
        var repeated = await ReissueAsync($"{creator}~2068-10~v1", Reason);
        Assert.Equal((200, reissued.Text), (repeated.Status, repeated.Text));
        Assert.Empty(await PayoutMessagesAsync(creator));
        Assert.Equal(2, receiver.Requests.Count(r => Payloads.Parse(r.Body).GetProperty("creatorId").GetString() == creator));

        // With another reason: a conflict naming v2; no v3.
        var other = await ReissueAsync($"{creator}~2068-10~v1", "another typo");
        Assert.Equal(409, other.Status);
        Assert.Equal("urn:payouts:problem:already-reissued", other.Body.GetProperty("type").GetString());
        Assert.Contains(v2, other.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await TypedHeaderAsync(creator, "2068-10", version: 3));
    }
}
