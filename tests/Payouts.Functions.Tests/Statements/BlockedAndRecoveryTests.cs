using Azure.Data.Tables;
using Payouts.Application.Statements;
using Payouts.Domain.Statements;
using Payouts.Functions.Tests.Infrastructure;
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

    [Fact]
    public async Task UnreadableStoredRecord_BlocksThatCreatorOnly_WithItsCode_AndTheJobSucceeds()
    {
        var broken = Payloads.Unique("unreadable");
        var fine = Payloads.Unique("readable");
        SetClock("2062-02-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(broken, minimumPayout: "0.00");
        await PutCreatorAsync(fine, minimumPayout: "0.00");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("g1", broken, 1000, 1, "2062-01-10T12:00:00Z"), Payloads.Gift("g2", fine, 1000, 1, "2062-01-10T12:00:00Z")));

        // A row edited by hand: its coins column gone. Reading it back fails; that is this creator's data problem.
        var row = Assert.Single(await RowsAsync(TableNames.Gifts, $"{broken}|2062-01"));
        row.Remove("CoinsPerGift");
        await App.Tables.GetTableClient(TableNames.Gifts).UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await ClosePeriodAsync("2062-01");
        await RunJobAsync("2062-01", broken, fine);

        Assert.NotNull(await HeaderAsync(fine, "2062-01"));
        Assert.Null(await HeaderAsync(broken, "2062-01"));
        var blocked = (await GetPeriodAsync("2062-01")).Body.GetProperty("blocked").EnumerateArray().Single(b => b.GetProperty("creatorId").GetString() == broken);
        var reason = Assert.Single(blocked.GetProperty("reasons").EnumerateArray());
        Assert.Equal(BlockCodes.RecordsUnreadable, reason.GetProperty("code").GetString());
        Assert.Contains("CoinsPerGift", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await SettledAsync(broken, RecordKind.Gift, "2062-01"));
    }
}
