using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>Issued documents never change, so each format has a strong ETag (the content hash) and If-None-Match is a 304.</summary>
[Collection(StatementsCollection.Name)]
public sealed class StatementDocumentETagTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task GetStatement_CarriesTheContentHashAsAStrongETagPerFormat_AMatchIs304WithoutABody()
    {
        var statementId = await IssueOneStatementAsync(month: 3);

        var json = await GetStatementAsync(statementId);
        var csv = await GetStatementAsync(statementId, "text/csv");
        var hash = json.Body.GetProperty("contentHash").GetString();
        var again = await GetStatementAsync(statementId, ifNoneMatch: json.Headers["ETag"]);

        Assert.Equal($"\"{hash}.json\"", json.Headers["ETag"]);
        Assert.Equal($"\"{hash}.csv\"", csv.Headers["ETag"]);
        Assert.Contains("immutable", json.Headers["Cache-Control"], StringComparison.Ordinal);
        Assert.Equal(304, again.Status);
        Assert.Empty(again.Text);
        Assert.Equal(json.Headers["ETag"], again.Headers["ETag"]);
    }

    [Theory]
    [InlineData("*", 304, 4)]
    [InlineData("\"other\", W/\"{etag}\"", 304, 5)]
    [InlineData("\"{etag}.csv\"", 200, 6)]
    [InlineData("\"0000\"", 200, 7)]
    public async Task GetStatement_IfNoneMatch_IsComparedAsRfc9110Says(string header, int status, int month)
    {
        var statementId = await IssueOneStatementAsync(month);
        var etag = (await GetStatementAsync(statementId)).Headers["ETag"].Trim('"');

        var response = await GetStatementAsync(statementId, ifNoneMatch: header.Replace("{etag}", etag, StringComparison.Ordinal));

        Assert.Equal(status, response.Status);
    }

    /// <summary>A statement of its own month of 2063 (a closed period builds no newcomer), for a creator of its own.</summary>
    private async Task<string> IssueOneStatementAsync(int month)
    {
        var creator = Payloads.Unique("etag");
        SetClock($"2063-{month:00}-02T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator);
        var deal = Payloads.Deal("d-1", creator, "80.00").With("earnedAt", $"2063-{month:00}-01T10:00:00Z");
        Assert.Equal(200, (await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, deal))).Status);
        SetClock($"2063-{month + 1:00}-10T12:00:00Z");
        Assert.Equal(200, (await ClosePeriodAsync($"2063-{month:00}")).Status);
        await DrainStatementJobsAsync();
        return $"{creator}~2063-{month:00}~v1";
    }
}
