using System.Globalization;
using System.Text.Json;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Rendering.Pdf.Tests;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// GET /api/creators/{creatorId}/years/{year} through the function classes on Azurite, in 2042 (EUR deals and FR
/// gifts; January is CrashBetweenStepsTests'): February issued, March empty, April with a late February deal, reissued. The summary adds up to the
/// statements' own totals as their JSON documents give them, whatever the FX other tests publish.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class CreatorYearTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task YearlySummary_AddsUpTheYearsLatestStatements_InEveryFormat()
    {
        var creator = Payloads.Unique("year");
        SetClock("2042-02-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, displayName: "Yara Yearly", minimumPayout: "10.00");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1000, 12, "2042-02-08T20:00:00+01:00")));
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("feb", creator, "200.00").With("earnedAt", "2042-02-12T10:00:00Z")));
        SetClock("2042-03-05T00:00:00Z");
        await ClosePeriodAsync("2042-02");
        await DrainStatementJobsAsync();
        SetClock("2042-04-20T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("apr", creator, "50.00").With("earnedAt", "2042-04-10T10:00:00Z"),
            Payloads.Deal("late-feb", creator, "30.00").With("earnedAt", "2042-02-25T10:00:00Z")));
        SetClock("2042-05-05T00:00:00Z");
        await ClosePeriodAsync("2042-04");
        await DrainStatementJobsAsync();
        Assert.Equal(200, (await ReissueAsync($"{creator}~2042-04~v1", "checked with the brand")).Status);
        var counted = new[] { $"{creator}~2042-02~v1", $"{creator}~2042-04~v2" };
        var totals = new List<JsonElement>();
        foreach (var id in counted)
        {
            totals.Add((await GetStatementAsync(id)).Body.GetProperty("totals"));
        }

        var json = await YearAsync(creator, "2042");

        Assert.Equal(200, json.Status);
        var summary = json.Body;
        Assert.Equal("Yara Yearly", summary.GetProperty("displayName").GetString());
        Assert.Equal(
            [($"{creator}~2042-02~v1", true), ($"{creator}~2042-04~v1", false), ($"{creator}~2042-04~v2", true)],
            summary.GetProperty("statements").EnumerateArray().Select(s => (s.GetProperty("statementId").GetString(), s.GetProperty("counted").GetBoolean())));
        var eur = Assert.Single(summary.GetProperty("currencies").EnumerateArray());
        var year = eur.GetProperty("totals");
        decimal Sum(params string[] fields) => totals.Sum(t => fields.Sum(f => Amount(t, f)));
        Assert.Equal(Sum("gifts", "deals", "bonuses"), Amount(year, "gross"));
        Assert.Equal(Sum("agencyCommission"), Amount(year, "agencyCommission"));
        Assert.Equal(Sum("withholding"), Amount(year, "withholding"));
        Assert.Equal(Sum("net"), Amount(year, "net"));
        Assert.Equal(Sum("payable"), Amount(year, "payable"));
        Assert.Equal(30.00m, Amount(year, "adjustments"));
        var months = eur.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(0m, Amount(months[0], "payable"));
        Assert.Equal(0m, Amount(months[2], "payable"));
        Assert.Equal(Amount(totals[0], "payable"), Amount(months[1], "payable"));
        Assert.Equal(Amount(totals[1], "payable"), Amount(months[3], "payable"));

        var csv = await YearAsync(creator, "2042", "text/csv");
        Assert.StartsWith("text/csv", csv.ContentType, StringComparison.Ordinal);
        Assert.Contains($"{creator}~2042-04~v1,2042-04,1,Superseded", csv.Text, StringComparison.Ordinal);
        var html = await YearAsync(creator, "2042", "text/html");
        Assert.Contains("<h1>Yearly summary 2042</h1>", html.Text, StringComparison.Ordinal);
        Assert.Contains("Superseded by v2", html.Text, StringComparison.Ordinal);
        var pdf = await YearAsync(creator, "2042", "application/pdf");
        Assert.Equal("application/pdf", pdf.ContentType);
        using var text = new PdfText(pdf.Bytes);
        Assert.Contains("Yara Yearly", text.Text, StringComparison.Ordinal);
        Assert.Contains(Amount(year, "payable").ToString("N2", CultureInfo.InvariantCulture) + " EUR", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearlySummary_OfAYearWithoutStatements_IsEmpty()
    {
        var response = await YearAsync(Payloads.Unique("noyear"), "2041");

        Assert.Equal(200, response.Status);
        Assert.Empty(response.Body.GetProperty("statements").EnumerateArray());
        Assert.Empty(response.Body.GetProperty("currencies").EnumerateArray());
    }

    [Theory]
    [InlineData("lea", "42")]
    [InlineData("lea", "3000")]
    [InlineData("lea", "2042x")]
    [InlineData("lea", "-2042")]
    [InlineData("x' or '1'='1", "2042")]
    public async Task YearlySummary_BadCreatorOrYear_IsABadRequest(string creatorId, string year)
    {
        var response = await YearAsync(creatorId, year);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    private Task<HttpCall.Response> YearAsync(string creatorId, string year, string? accept = null) =>
        GetAsync<GetCreatorYearHttp>((f, r) => f.Run(r, creatorId, year, CancellationToken.None), accept);

    private static decimal Amount(JsonElement element, string field) =>
        decimal.Parse(element.GetProperty(field).GetString()!, CultureInfo.InvariantCulture);
}
