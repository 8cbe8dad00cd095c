using Payouts.Functions.Tests.Infrastructure;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Statements;

/// <summary>Drafts of open periods and the read endpoints' refusals.</summary>
[Collection(StatementsCollection.Name)]
public sealed class StatementReadTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task Preview_OfAnOpenPeriod_IsADraftThatStoresAndClaimsNothing()
    {
        var creator = Payloads.Unique("draft");
        SetClock("2026-06-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator);
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "80.00").With("earnedAt", "2026-06-10T10:00:00Z")));

        var json = await PreviewAsync(creator, "2026-06");
        var html = await PreviewAsync(creator, "2026-06", "text/html");

        Assert.Equal(200, json.Status);
        Assert.Equal("draft", json.Body.GetProperty("status").GetString());
        Assert.Contains("68.00", json.Text, StringComparison.Ordinal);
        Assert.Contains("DRAFT", html.Text, StringComparison.Ordinal);
        Assert.Empty((await ListStatementsAsync(creator)).Body.GetProperty("statements").EnumerateArray());
        Assert.Equal(0, await SettledAsync(creator, RecordKind.Deal, "2026-06"));
    }

    [Theory]
    [InlineData("not-a-statement-id", 400)]
    [InlineData("nobody~2026-01~v1", 404)]
    public async Task GetStatement_BadOrUnknownId_IsAProblem(string id, int status)
    {
        var response = await GetStatementAsync(id);

        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-W05")]
    [InlineData("x' or '1'='1")]
    public async Task PeriodEndpoints_RefuseAnythingButAMonthlyKey(string period)
    {
        Assert.Equal(400, (await GetPeriodAsync(period)).Status);
        Assert.Equal(400, (await ClosePeriodAsync(period)).Status);
        Assert.Equal(400, (await PreviewAsync("lea", period)).Status);
    }

    [Fact]
    public async Task ClosingTheRunningPeriod_IsRefusedEvenWhenForced()
    {
        SetClock("2026-07-15T12:00:00Z");

        var response = await ClosePeriodAsync("2026-07", force: true);

        Assert.Equal(409, response.Status);
        Assert.Contains("runs until", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosingInTheGracePeriod_NeedsForce()
    {
        var creator = Payloads.Unique("grace");
        SetClock("2026-08-01T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "10.00").With("earnedAt", "2026-07-20T10:00:00Z")));

        var refused = await ClosePeriodAsync("2026-07");
        var forced = await ClosePeriodAsync("2026-07", force: true);
        await DrainStatementJobsAsync();

        Assert.Equal(409, refused.Status);
        Assert.Equal("closed", forced.Body.GetProperty("result").GetString());
        Assert.True((await GetPeriodAsync("2026-07")).Body.GetProperty("forced").GetBoolean());
        Assert.NotNull(await HeaderAsync(creator, "2026-07"));
    }
}
