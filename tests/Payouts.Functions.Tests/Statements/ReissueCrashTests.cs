using Payouts.Application.Statements;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Functions.Tests.PayoutBatches;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A reissue that dies after its commit — before the period index, the outbox or the emitted marker, or right after
/// them — is finished by either retry an operator has: the same request again, or closing the period again (with the
/// outbox timer, as in production). Either way: one v2, one payout message and one webhook about it, the index naming
/// it current, and the payout batch and reconciliation on v2; repeating both retries changes nothing. One that dies
/// before its commit leaves v1 current and at most a mark, which a close drops. 2068-01 to -08, 2069-01 to -03.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class ReissueCrashTests(PayoutsAppFixture app) : PayoutBatchTestBase(app)
{
    private const string Reason = "the brand's invoice was read with the wrong campaign";

    [Theory]
    [InlineData(BuildStep.Committed, "repeat", 1)]
    [InlineData(BuildStep.Indexed, "repeat", 2)]
    [InlineData(BuildStep.OutboxWritten, "repeat", 3)]
    [InlineData(BuildStep.Emitted, "repeat", 4)]
    [InlineData(BuildStep.Committed, "close", 5)]
    [InlineData(BuildStep.Indexed, "close", 6)]
    [InlineData(BuildStep.OutboxWritten, "close", 7)]
    [InlineData(BuildStep.Emitted, "close", 8)]
    public async Task ReissueCrashedAfterItsCommit_RetriedOrClosedAgain_OneV2AnnouncedOnce_IndexBatchAndReconciliationOnV2(BuildStep crashAt, string retry, int month)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var creator = Payloads.Unique("recrash");
        var period = $"2068-{month:D2}";
        SetClock($"2068-{month + 1:D2}-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(receiver.Url, PayoutsAppFixture.ReissueAgency);
        await PutCreatorAsync(creator, agencyId: PayoutsAppFixture.ReissueAgency, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("a", creator, "10.00").With("earnedAt", $"{period}-10T10:00:00Z"),
            Payloads.Deal("b", creator, "20.00").With("earnedAt", $"{period}-11T10:00:00Z")));
        Assert.Equal(200, (await ClosePeriodAsync(period)).Status);
        await DrainStatementJobsAsync();
        Assert.Equal(PayoutStatementMessage.IssuedEvent, Assert.Single(await PayoutMessagesAsync(creator)).GetProperty("event").GetString());
        Assert.Single(WebhooksAbout(receiver, creator));
        var (v1, v2) = ($"{creator}~{period}~v1", $"{creator}~{period}~v2");

        App.Probe.CrashAt(creator, crashAt);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => ReissueAsync(v1, Reason));

        // Committed, whatever the step: the balance names v2, so without the fix nothing could finish it.
        Assert.NotNull(await TypedHeaderAsync(creator, period, version: 2));
        var first = await RetryAsync(retry, v1, period, crashAt);
        await DeliverPendingAsync(creator);

        // The payment system hears of v2 once (read off the queue here, so the second look expects nothing more).
        var message = Assert.Single(await PayoutMessagesAsync(creator));
        Assert.Equal((PayoutStatementMessage.ReissuedEvent, v2, 1), (message.GetProperty("event").GetString(), message.GetProperty("statementId").GetString(), message.GetProperty("supersedes").GetInt32()));
        await AssertOneV2AnnouncedOnceAsync(receiver, creator, period, v2);
        if (first is not null)
        {
            Assert.Equal(v2, first.Body.GetProperty("statementId").GetString());
            Assert.Equal("master-key", first.Body.GetProperty("reissuedBy").GetString());
        }

        // Both retries again, in the other order: the same answer, nothing sent or written twice.
        Assert.Equal(0, (await ClosePeriodAsync(period)).Body.GetProperty("creators").GetInt32());
        await DrainStatementJobsAsync();
        var again = await ReissueAsync(v1, Reason);
        Assert.Equal(200, again.Status);
        if (first is not null)
        {
            Assert.Equal(first.Text, again.Text);
        }

        await DeliverPendingAsync(creator);
        Assert.Empty(await PayoutMessagesAsync(creator));
        await AssertOneV2AnnouncedOnceAsync(receiver, creator, period, v2);
        var batch = await GetBatchAsync(period);
        Assert.Equal(1, batch.Body.GetProperty("latestVersion").GetInt32());
    }

    [Theory]
    [InlineData(BuildStep.LinesWritten, 1)]
    [InlineData(BuildStep.DocumentsWritten, 2)]
    public async Task ReissueCrashedBeforeItsCommit_ChangesNothingThatCounts_TheLeftoverMarkGoesOnClose_AndTheRetryIssuesV2Once(BuildStep crashAt, int month)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var creator = Payloads.Unique("reearly");
        var period = $"2069-{month:D2}";
        SetClock($"2069-{month + 1:D2}-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(receiver.Url, PayoutsAppFixture.ReissueAgency);
        await PutCreatorAsync(creator, agencyId: PayoutsAppFixture.ReissueAgency, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("a", creator, "10.00").With("earnedAt", $"{period}-10T10:00:00Z"),
            Payloads.Deal("b", creator, "20.00").With("earnedAt", $"{period}-11T10:00:00Z")));
        await ClosePeriodAsync(period);
        await DrainStatementJobsAsync();
        Assert.Single(await PayoutMessagesAsync(creator));
        var (v1, v2) = ($"{creator}~{period}~v1", $"{creator}~{period}~v2");

        App.Probe.CrashAt(creator, crashAt);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => ReissueAsync(v1, Reason));

        // Nothing committed: no v2, v1 still current and paid.
        Assert.Null(await TypedHeaderAsync(creator, period, version: 2));
        Assert.Equal(v1, Assert.Single((await GetBatchAsync(period)).Body.GetProperty("rows").EnumerateArray(), r => r.GetProperty("creatorId").GetString() == creator).GetProperty("statementId").GetString());
        var marked = crashAt == BuildStep.DocumentsWritten;
        Assert.Equal(marked, (await RowsAsync(TableNames.StatementsByPeriod, period)).Any(r => r.RowKey == $"{creator}|reissuing"));

        // Closing again visits the marked creator; its job, holding the lease, finds no v2 and drops the mark.
        Assert.Equal(marked ? 1 : 0, (await ClosePeriodAsync(period)).Body.GetProperty("creators").GetInt32());
        await DrainStatementJobsAsync();
        Assert.DoesNotContain(await RowsAsync(TableNames.StatementsByPeriod, period), r => r.RowKey == $"{creator}|reissuing");
        Assert.Null(await TypedHeaderAsync(creator, period, version: 2));
        Assert.Empty(await PayoutMessagesAsync(creator));

        var retried = await ReissueAsync(v1, Reason);
        Assert.Equal((200, v2), (retried.Status, retried.Body.GetProperty("statementId").GetString()));
        var message = Assert.Single(await PayoutMessagesAsync(creator));
        Assert.Equal(v2, message.GetProperty("statementId").GetString());
        await AssertOneV2AnnouncedOnceAsync(receiver, creator, period, v2);
    }

    [Fact]
    public async Task RetryOfAnEarlierReissue_WhileTheNextOnesEmitIsUnfinished_AnswersAsThen_AndLeavesTheNextOneToFinish()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var creator = Payloads.Unique("rechain");
        const string period = "2069-03";
        SetClock("2069-04-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(receiver.Url, PayoutsAppFixture.ReissueAgency);
        await PutCreatorAsync(creator, agencyId: PayoutsAppFixture.ReissueAgency, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("a", creator, "30.00").With("earnedAt", $"{period}-10T10:00:00Z")));
        await ClosePeriodAsync(period);
        await DrainStatementJobsAsync();
        var v2Answer = await ReissueAsync($"{creator}~{period}~v1", Reason);
        Assert.Equal(200, v2Answer.Status);
        Assert.Equal(2, (await PayoutMessagesAsync(creator)).Count);

        // v3 commits, then its emit dies: the mark names v3.
        App.Probe.CrashAt(creator, BuildStep.Committed);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => ReissueAsync($"{creator}~{period}~v2", "and a second look"));

        // v1's reissue asked again: v2's answer, and v3's mark stays for v3.
        var repeated = await ReissueAsync($"{creator}~{period}~v1", Reason);
        Assert.Equal((200, v2Answer.Text), (repeated.Status, repeated.Text));
        Assert.Equal($"{creator}~{period}~v3", Assert.Single(await RowsAsync(TableNames.StatementsByPeriod, period), r => r.RowKey == $"{creator}|reissuing").GetString("ReissuingStatementId"));

        Assert.Equal(1, (await ClosePeriodAsync(period)).Body.GetProperty("creators").GetInt32());
        await DrainStatementJobsAsync();
        var message = Assert.Single(await PayoutMessagesAsync(creator));
        Assert.Equal(($"{creator}~{period}~v3", 2), (message.GetProperty("statementId").GetString(), message.GetProperty("supersedes").GetInt32()));
        Assert.Equal(["v1", "v2", "v3"], WebhooksAbout(receiver, creator).Select(w => "v" + Payloads.Parse(w.Body).GetProperty("version").GetInt32()));
        var index = (await RowsAsync(TableNames.StatementsByPeriod, period)).Where(r => r.RowKey.StartsWith(creator + "|", StringComparison.Ordinal)).ToDictionary(r => r.RowKey, r => r.GetString("Status"));
        Assert.Equal(new Dictionary<string, string> { [$"{creator}|v001"] = "Superseded", [$"{creator}|v002"] = "Superseded", [$"{creator}|v003"] = "Issued" }, index);
    }

    /// <summary>The retry under test: the same request (its answer), or the period closed again and its jobs run (no answer).</summary>
    private async Task<HttpCall.Response?> RetryAsync(string retry, string v1, string period, BuildStep crashAt)
    {
        if (retry == "repeat")
        {
            var repeated = await ReissueAsync(v1, Reason);
            Assert.Equal(200, repeated.Status);
            return repeated;
        }

        // Crashed after the emitted marker, the emit is complete (the mark gone): only the outbox timer has work left.
        var closed = await ClosePeriodAsync(period);
        Assert.Equal("alreadyClosed", closed.Body.GetProperty("result").GetString());
        Assert.Equal(crashAt == BuildStep.Emitted ? 0 : 1, closed.Body.GetProperty("creators").GetInt32());
        await DrainStatementJobsAsync();
        return null;
    }

    /// <summary>One v2 (no v3), emitted, one webhook about it after v1's, the index on v2, the payout batch and reconciliation too.</summary>
    private async Task AssertOneV2AnnouncedOnceAsync(WebhookReceiver receiver, string creator, string period, string v2)
    {
        Assert.Null(await TypedHeaderAsync(creator, period, version: 3));
        var header = (await TypedHeaderAsync(creator, period, version: 2))!;
        Assert.Equal((1, Reason, "master-key"), (header.Supersedes, header.CorrectionReason, header.ReissuedBy));
        Assert.Contains(await RowsAsync(TableNames.Statements, creator), r => r.RowKey == $"{period}|v002|emitted");

        var webhooks = WebhooksAbout(receiver, creator);
        Assert.Equal(2, webhooks.Count);
        Assert.Equal(PayoutStatementMessage.ReissuedEvent, webhooks[1].Event);
        Assert.Equal(v2, Payloads.Parse(webhooks[1].Body).GetProperty("statementId").GetString());

        var index = (await RowsAsync(TableNames.StatementsByPeriod, period)).Where(r => r.RowKey.StartsWith(creator + "|", StringComparison.Ordinal)).ToDictionary(r => r.RowKey, r => r.GetString("Status"));
        Assert.Equal(new Dictionary<string, string> { [$"{creator}|v001"] = "Superseded", [$"{creator}|v002"] = "Issued" }, index);

        var row = Assert.Single((await GetBatchAsync(period)).Body.GetProperty("rows").EnumerateArray(), r => r.GetProperty("creatorId").GetString() == creator);
        Assert.Equal(v2, row.GetProperty("statementId").GetString());
        Assert.Equal("25.50", row.GetProperty("payable").GetString());
        var reconciliation = (await GetPeriodAsync(period)).Body;
        Assert.Equal(1, reconciliation.GetProperty("statements").GetProperty("issued").GetInt32());
        Assert.Equal(1, reconciliation.GetProperty("statements").GetProperty("superseded").GetInt32());
        Assert.Equal("25.50", reconciliation.GetProperty("payable").GetProperty("EUR").GetString());
        Assert.Equal(2, reconciliation.GetProperty("records").GetProperty("countedInThisPeriod").GetInt64());
        Assert.Equal(0, reconciliation.GetProperty("records").GetProperty("notYetCounted").GetInt64());
    }

    /// <summary>The webhooks about the creator's statements, in the order received (the receiver answers 200).</summary>
    private static List<WebhookReceiver.Received> WebhooksAbout(WebhookReceiver receiver, string creator) =>
        [.. receiver.Requests.Where(r => Payloads.Parse(r.Body).GetProperty("creatorId").GetString() == creator)];

    /// <summary>What the outbox timer does every minute, until nothing about the creator is pending (other tests' entries share the table).</summary>
    private async Task DeliverPendingAsync(string creator)
    {
        for (var round = 0; round < 20 && (await OutboxAsync()).Any(e => e.GetProperty("subjectId").GetString()!.StartsWith(creator, StringComparison.Ordinal)); round++)
        {
            await RunWebhookTimerAsync();
        }
    }
}
