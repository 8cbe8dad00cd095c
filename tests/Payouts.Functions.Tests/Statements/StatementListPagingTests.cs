using System.Buffers.Text;
using System.Text;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>A creator's statement list pages with a bounded pageSize and a continuation token only that list accepts.</summary>
[Collection(StatementsCollection.Name)]
public sealed class StatementListPagingTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task ListStatements_PagedByTwo_GivesEveryStatementOnceOldestFirst_TheLastPageHasNoToken()
    {
        var creator = await IssueMonthlyStatementsAsync(Payloads.Unique("pages"), "2061", months: 3);

        var first = await ListStatementsAsync(creator, "?pageSize=2");
        var token = first.Body.GetProperty("continuationToken").GetString()!;
        var second = await ListStatementsAsync(creator, $"?pageSize=2&continuationToken={token}");
        var whole = await ListStatementsAsync(creator);

        Assert.Equal(["2061-01", "2061-02"], Periods(first));
        Assert.Equal(["2061-03"], Periods(second));
        Assert.False(second.Body.TryGetProperty("continuationToken", out _));
        Assert.Equal(["2061-01", "2061-02", "2061-03"], Periods(whole));
        Assert.True(Base64Url.IsValid(token));
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=ten", "pageSize")]
    [InlineData("?continuationToken=not%20base64url!", "continuationToken")]
    [InlineData("?continuationToken=djF8c29tZW9uZS1lbHNlfDIwNDQtMDF8djAwMQ", "continuationToken")]
    [InlineData("?continuationToken=djF8b3V0Ym94fDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw", "continuationToken")]
    public async Task ListStatements_BadPageSizeOrAnotherListsToken_IsA400NamingTheParameter(string query, string field)
    {
        var response = await ListStatementsAsync("lea", query);

        Assert.Equal(400, response.Status);
        Assert.Equal("urn:payouts:problem:invalid-request", response.Body.GetProperty("type").GetString());
        Assert.True(response.Body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListStatements_AnotherCreatorsToken_IsRefused()
    {
        var creator = await IssueMonthlyStatementsAsync(Payloads.Unique("owner"), "2062", months: 2);
        var token = (await ListStatementsAsync(creator, "?pageSize=1")).Body.GetProperty("continuationToken").GetString()!;

        var response = await ListStatementsAsync("someone-else", $"?continuationToken={token}");

        Assert.Equal(400, response.Status);
        Assert.StartsWith($"v1|{creator}|", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)), StringComparison.Ordinal);
    }

    private static string[] Periods(HttpCall.Response page) =>
        [.. page.Body.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("period").GetString()!)];

    /// <summary>One deal in each of the first <paramref name="months"/> months of <paramref name="year"/>, each month closed and built.</summary>
    private async Task<string> IssueMonthlyStatementsAsync(string creator, string year, int months)
    {
        SetClock($"{year}-01-02T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator);
        for (var month = 1; month <= months; month++)
        {
            SetClock($"{year}-{month:00}-20T12:00:00Z");
            var deal = Payloads.Deal($"d-{month}", creator, "80.00").With("earnedAt", $"{year}-{month:00}-10T10:00:00Z");
            Assert.Equal(200, (await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, deal))).Status);
        }

        SetClock($"{year}-{months + 1:00}-25T12:00:00Z");
        for (var month = 1; month <= months; month++)
        {
            Assert.Equal(200, (await ClosePeriodAsync($"{year}-{month:00}")).Status);
            await DrainStatementJobsAsync();
        }

        return creator;
    }
}
