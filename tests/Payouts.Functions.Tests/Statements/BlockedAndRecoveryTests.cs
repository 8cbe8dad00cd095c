using Azure;
using Azure.Data.Tables;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>A statement that cannot be computed is blocked with its reason and claims nothing; fixing the cause and closing again issues it.</summary>
[Collection(StatementsCollection.Name)]
public sealed class BlockedAndRecoveryTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task MissingContract_BlocksWithReason_ThenContractAndSecondCloseIssueIt()
    {
        var creator = Payloads.Unique("nocontract");
        SetClock("2025-09-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1000, 1, "2025-08-10T12:00:00Z")));

        await ClosePeriodAsync("2025-08");
        await DrainStatementJobsAsync();

        Assert.Null(await HeaderAsync(creator, "2025-08"));
        var blocked = Assert.Single(await RowsAsync(TableNames.Statements, creator), r => r.RowKey == "2025-08|blocked");
        Assert.Contains("contract", blocked.GetString("Reasons"), StringComparison.OrdinalIgnoreCase);
        Assert.All(await RowsOfCreatorAsync(TableNames.Gifts, creator), r => Assert.True(string.IsNullOrEmpty(r.GetString(RecordColumns.SettledIn))));
        var period = (await GetPeriodAsync("2025-08")).Body;
        Assert.Equal(1, period.GetProperty("statements").GetProperty("blocked").GetInt32());
        Assert.Equal(1, period.GetProperty("records").GetProperty("notYetCounted").GetInt64());

        await PutCreatorAsync(creator, minimumPayout: "0.00");
        var retry = await ClosePeriodAsync("2025-08");
        Assert.Equal(1, retry.Body.GetProperty("creators").GetInt32());
        await DrainStatementJobsAsync();

        // 1000 coins × 0.5 × 0.005 × 0.92 = 2.30 EUR, less 20 % = 1.84.
        Assert.Equal(184, (await HeaderAsync(creator, "2025-08"))!.GetInt64("NetMinor"));
        Assert.DoesNotContain(await RowsAsync(TableNames.Statements, creator), r => r.RowKey.EndsWith("|blocked", StringComparison.Ordinal));
        var after = (await GetPeriodAsync("2025-08")).Body;
        Assert.False(after.GetProperty("statements").TryGetProperty("blocked", out _));
        Assert.Equal(0, after.GetProperty("records").GetProperty("notYetCounted").GetInt64());
    }

    [Fact]
    public async Task MissingRateForTheCreatorsRegion_BlocksNamingTheRate()
    {
        var creator = Payloads.Unique("norate");
        SetClock("2025-11-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, region: "ZZ");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 10, 1, "2025-10-10T12:00:00Z")));

        await ClosePeriodAsync("2025-10");
        await DrainStatementJobsAsync();

        Assert.Null(await HeaderAsync(creator, "2025-10"));
        var reasons = Assert.Single(await RowsAsync(TableNames.Statements, creator), r => r.RowKey == "2025-10|blocked").GetString("Reasons");
        Assert.Contains("ZZ", reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuilderCrashedAfterClaimingRecords_RetryReusesItsOwnClaimAndCountsEachRecordOnce()
    {
        var creator = Payloads.Unique("crash");
        SetClock("2025-12-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("a", creator, "10.00").With("earnedAt", "2025-11-10T10:00:00Z"),
            Payloads.Deal("b", creator, "20.00").With("earnedAt", "2025-11-11T10:00:00Z")));

        // What a builder that died right after claiming leaves behind: record "a" settled in the statement it was building.
        var deals = App.Tables.GetTableClient(TableNames.Deals);
        var claimed = (await RowsOfCreatorAsync(TableNames.Deals, creator)).Single(r => r.RowKey.EndsWith(".a", StringComparison.Ordinal));
        await deals.UpdateEntityAsync(new TableEntity(claimed.PartitionKey, claimed.RowKey) { [RecordColumns.SettledIn] = $"{creator}~2025-11~v1" }, ETag.All, TableUpdateMode.Merge);

        await ClosePeriodAsync("2025-11");
        await DrainStatementJobsAsync();

        var header = await HeaderAsync(creator, "2025-11");
        Assert.Equal(2, header!.GetInt32("RecordCount"));
        Assert.Equal(3000 - 450, header.GetInt64("NetMinor"));
    }
}
