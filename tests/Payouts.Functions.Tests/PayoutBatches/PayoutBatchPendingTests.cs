using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.PayoutBatches;

/// <summary>
/// One blocked creator holds back nobody: the batch is served with the blocked one listed, not paid, with its block
/// codes; fixed and closed again, version 2 lists both and its transfer file pays only the newly issued creator.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class PayoutBatchPendingTests(PayoutsAppFixture app) : PayoutBatchTestBase(app)
{
    private const string Period = "2041-04";

    [Fact]
    public async Task PayoutBatch_WithABlockedStatement_PaysTheOthers_ThenVersion2TransfersOnlyTheNewlyIssued()
    {
        var paid = Payloads.Unique("pb-paid");
        var blocked = Payloads.Unique("pb-blocked");
        SetClock("2041-05-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(paid, minimumPayout: "0.00");
        Assert.Equal(200, (await PutPayoutDetailsAsync(paid, "FR7630006000011234567890189", "Paid Creator")).Status);
        await PostDealsAsync(Payloads.Envelope(
            PayoutsAppFixture.Partner,
            Payloads.Deal("d", paid, "10.00").With("earnedAt", "2041-04-05T10:00:00Z"),
            Payloads.Deal("d", blocked, "20.00").With("earnedAt", "2041-04-05T10:00:00Z")));
        await ClosePeriodAsync(Period);
        await DrainStatementJobsAsync();

        var v1 = await GetBatchAsync(Period);

        Assert.True(v1.Status == 200, v1.Text);
        Assert.Equal(1, v1.Body.GetProperty("version").GetInt32());
        var row = Assert.Single(v1.Body.GetProperty("rows").EnumerateArray());
        Assert.Equal(paid, row.GetProperty("creatorId").GetString());
        var paidAmount = row.GetProperty("payable").GetString();
        Assert.Equal(paidAmount, row.GetProperty("toTransfer").GetString());
        var notPaid = Assert.Single(v1.Body.GetProperty("excluded").EnumerateArray());
        Assert.Equal(blocked, notPaid.GetProperty("creatorId").GetString());
        Assert.Equal("statement-blocked", notPaid.GetProperty("reason").GetString());
        Assert.NotEmpty(notPaid.GetProperty("blockCodes").EnumerateArray());
        Assert.Contains("not paid in this batch", notPaid.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, v1.Body.GetProperty("transferFile").GetProperty("transactions").GetInt32());
        Assert.Equal(paidAmount, v1.Body.GetProperty("transferFile").GetProperty("controlSum").GetString());
        Assert.Contains($",{blocked},,,,,no,,statement-blocked,", (await GetBatchAsync(Period, accept: "text/csv")).Text, StringComparison.Ordinal);
        var xmlV1 = await GetBatchAsync(Period, query: "?format=xml");
        Assert.Equal(200, xmlV1.Status);
        Assert.Contains(paid, xmlV1.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(blocked, xmlV1.Text, StringComparison.Ordinal);

        // Fixed and closed again: version 2 lists both, and transfers only the creator v1 did not pay.
        await PutCreatorAsync(blocked, minimumPayout: "0.00");
        Assert.Equal(200, (await PutPayoutDetailsAsync(blocked, "DE89370400440532013000", "Blocked Creator")).Status);
        await ClosePeriodAsync(Period);
        await DrainStatementJobsAsync();
        var v2 = await GetBatchAsync(Period);

        Assert.True(v2.Status == 200, v2.Text);
        Assert.Equal(2, v2.Body.GetProperty("version").GetInt32());
        var rows = v2.Body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("creatorId").GetString()!);
        Assert.Equal(2, rows.Count);
        Assert.Equal(1, rows[paid].GetProperty("alreadyBatchedIn").GetInt32());
        Assert.Equal(paidAmount, rows[paid].GetProperty("alreadyTransferred").GetString());
        Assert.False(rows[paid].GetProperty("inTransferFile").GetBoolean());
        Assert.False(rows[blocked].TryGetProperty("alreadyBatchedIn", out _));
        Assert.Equal("0.00", rows[blocked].GetProperty("alreadyTransferred").GetString());
        var newly = rows[blocked].GetProperty("toTransfer").GetString();
        Assert.Equal(rows[blocked].GetProperty("payable").GetString(), newly);
        var excluded = Assert.Single(v2.Body.GetProperty("excluded").EnumerateArray());
        Assert.Equal(("already-transferred", paid), (excluded.GetProperty("reason").GetString(), excluded.GetProperty("creatorId").GetString()));
        Assert.Equal(1, v2.Body.GetProperty("transferFile").GetProperty("transactions").GetInt32());
        Assert.Equal(newly, v2.Body.GetProperty("transferFile").GetProperty("controlSum").GetString());
        Assert.Equal(paidAmount, v2.Body.GetProperty("transferFile").GetProperty("alreadyTransferred").GetString());

        var xmlV2 = await GetBatchAsync(Period, query: "?format=xml");
        Assert.Equal(200, xmlV2.Status);
        Domain.Tests.PayoutBatches.Pain001Schema.AssertValid(Bytes(xmlV2));
        Assert.Contains($"<NbOfTxs>1</NbOfTxs>", xmlV2.Text, StringComparison.Ordinal);
        Assert.Contains($"<CtrlSum>{newly}</CtrlSum>", xmlV2.Text, StringComparison.Ordinal);
        Assert.Contains(blocked, xmlV2.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(paid, xmlV2.Text, StringComparison.Ordinal);
        Assert.Equal(xmlV1.Text, (await GetBatchAsync(Period, query: "?version=1&format=xml")).Text);
    }
}
