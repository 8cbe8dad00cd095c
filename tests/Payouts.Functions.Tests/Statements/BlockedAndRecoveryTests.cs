using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

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
        Assert.Equal(0, await SettledAsync(creator, RecordKind.Gift, "2025-08"));
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
}
