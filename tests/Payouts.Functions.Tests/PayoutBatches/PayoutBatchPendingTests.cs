using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.PayoutBatches;

/// <summary>A period with a blocked statement has no batch until it is fixed: the 409 names the creator and what to do.</summary>
[Collection(StatementsCollection.Name)]
public sealed class PayoutBatchPendingTests(PayoutsAppFixture app) : PayoutBatchTestBase(app)
{
    private const string Period = "2041-04";

    [Fact]
    public async Task PayoutBatch_WithABlockedStatement_IsAConflictNamingIt_ThenServedOnceItIsIssued()
    {
        var paid = Payloads.Unique("pb-paid");
        var blocked = Payloads.Unique("pb-blocked");
        SetClock("2041-05-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(paid, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(
            PayoutsAppFixture.Partner,
            Payloads.Deal("d", paid, "10.00").With("earnedAt", "2041-04-05T10:00:00Z"),
            Payloads.Deal("d", blocked, "10.00").With("earnedAt", "2041-04-05T10:00:00Z")));
        await ClosePeriodAsync(Period);
        await DrainStatementJobsAsync();

        var pending = await GetBatchAsync(Period);

        Assert.Equal(409, pending.Status);
        Assert.Equal("urn:payouts:problem:payout-batch-pending", pending.Body.GetProperty("type").GetString());
        var detail = pending.Body.GetProperty("detail").GetString();
        Assert.Contains(blocked, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(paid, detail, StringComparison.Ordinal);
        Assert.Contains("blocked", detail, StringComparison.Ordinal);

        await PutCreatorAsync(blocked, minimumPayout: "0.00");
        await ClosePeriodAsync(Period);
        await DrainStatementJobsAsync();
        var ready = await GetBatchAsync(Period);

        Assert.Equal(200, ready.Status);
        Assert.Equal(2, ready.Body.GetProperty("rows").GetArrayLength());
        Assert.Equal(2, ready.Body.GetProperty("excluded").GetArrayLength());
        Assert.Equal(409, (await GetBatchAsync(Period, query: "?format=xml")).Status);
    }
}
