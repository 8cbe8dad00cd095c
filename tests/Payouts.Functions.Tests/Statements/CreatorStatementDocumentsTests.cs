using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Rendering.Pdf.Tests;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// The statement a creator reads, through the pipeline: the display name set on the contract, the payout date, the
/// LIVEs and the PDF, stored beside the other documents when the statement is issued and served with
/// Accept: application/pdf. A statement issued before PDFs were stored is never rendered again. Period 2042-05.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class CreatorStatementDocumentsTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task IssuedStatement_HasTheNamePayoutDateLivesAndAStoredPdf()
    {
        var creator = Payloads.Unique("reader");
        SetClock("2042-05-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, displayName: "Léa Durand", minimumPayout: "10.00");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("g1", creator, 1000, 3, "2042-05-03T21:00:00+02:00").With("liveId", "live-0503"),
            Payloads.Gift("g2", creator, 29_999, 1, "2042-05-09T22:00:00+02:00").With("liveId", "live-0509").With("giftId", "lion"),
            Payloads.Gift("g3", creator, 5, 20, "2042-05-09T12:00:00+02:00").With("liveId", null)));
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "120.00").With("earnedAt", "2042-05-12T10:00:00Z")));
        SetClock("2042-06-03T00:00:00Z");
        await ClosePeriodAsync("2042-05");
        await DrainStatementJobsAsync();
        var id = $"{creator}~2042-05~v1";

        var json = (await GetStatementAsync(id)).Body;
        var payable = StatementAmount(json.GetProperty("totals").GetProperty("payable").GetString()!);
        Assert.Equal("Léa Durand", json.GetProperty("displayName").GetString());
        Assert.Equal("2042-06-05", json.GetProperty("payoutDate").GetString());
        Assert.Equal(["live-0503", "live-0509", null], json.GetProperty("earnings").GetProperty("lives").EnumerateArray().Select(l => l.GetProperty("liveId").GetString()));
        Assert.Equal("lion", json.GetProperty("earnings").GetProperty("topGifts")[0].GetProperty("giftId").GetString());

        var html = await GetStatementAsync(id, "text/html");
        Assert.Contains("L&#233;a Durand", html.Text, StringComparison.Ordinal);
        Assert.Contains("Paid on 2042-06-05.", html.Text, StringComparison.Ordinal);

        var pdf = await GetStatementAsync(id, "application/pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.ContentType);
        using (var text = new PdfText(pdf.Bytes))
        {
            Assert.Contains("Léa Durand", text.Text, StringComparison.Ordinal);
            Assert.Contains("Payout statement 2042-05", text.Text, StringComparison.Ordinal);
            Assert.Contains(payable, text.Text, StringComparison.Ordinal);
            Assert.All(text.FontDescriptors, d => Assert.True(d.Elements.ContainsKey("/FontFile2")));
        }

        // Stored with the others when issued (create-only), listed in the header and in the payment message.
        var header = (await TypedHeaderAsync(creator, "2042-05"))!;
        Assert.Equal(["json", "csv", "html", "pdf"], header.Formats);
        var blob = await App.Services.GetRequiredService<StatementDocuments>().ReadAsync(header, "pdf", CancellationToken.None);
        Assert.Equal(pdf.Bytes, blob!.ToArray());
        var message = Assert.Single(await PayoutMessagesAsync(creator));
        Assert.EndsWith($"/2042-05/{creator}/v1/{header.BuildId}.pdf", message.GetProperty("documents").GetProperty("pdf").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatementIssuedBeforePdfs_IsNeverRenderedAgain()
    {
        // An issued header as it was written before PDFs were stored: no format list, json/csv/html under its prefix.
        var creator = Payloads.Unique("legacy");
        SetClock("2042-06-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "30.00").With("earnedAt", "2042-06-10T10:00:00Z")));
        SetClock("2042-07-03T00:00:00Z");
        await ClosePeriodAsync("2042-06");
        await DrainStatementJobsAsync();
        var statements = App.Tables.GetTableClient(TableNames.Statements);
        var row = (await HeaderAsync(creator, "2042-06"))!;
        row.Remove("Formats");
        await statements.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var id = $"{creator}~2042-06~v1";

        var pdf = await GetStatementAsync(id, "application/pdf");
        var json = await GetStatementAsync(id, "application/json");

        Assert.Equal(406, pdf.Status);
        Assert.Contains("json, csv, html documents only", pdf.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, json.Status);
        Assert.Equal(["json", "csv", "html"], (await TypedHeaderAsync(creator, "2042-06"))!.Formats);
    }

    [Fact]
    public async Task Preview_AsPdf_IsADraft()
    {
        var creator = Payloads.Unique("pdfdraft");
        SetClock("2042-07-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, displayName: "Draft Dana");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "80.00").With("earnedAt", "2042-07-10T10:00:00Z")));

        var preview = await PreviewAsync(creator, "2042-07", "application/pdf");

        Assert.Equal("application/pdf", preview.ContentType);
        using var text = new PdfText(preview.Bytes);
        Assert.Contains("DRAFT", text.Text, StringComparison.Ordinal);
        Assert.Contains("Draft Dana", text.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" padded", "must not start or end with a space")]
    [InlineData("bidi\u202Eevil", "must only contain printable characters (no control, format or line-separator characters)")]
    [InlineData("", "must not be blank")]
    public async Task PutCreator_DisplayNameNotPrintable_IsRefusedWithTheField(string displayName, string problem)
    {
        var response = await PutCreatorBodyAsync(Payloads.Unique("badname"), CreatorBody(displayName: displayName));

        Assert.Equal(400, response.Status);
        Assert.Equal([problem], response.Body.GetProperty("errors").GetProperty("displayName").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PutCreator_DisplayNameTooLong_IsRefused()
    {
        var response = await PutCreatorBodyAsync(Payloads.Unique("longname"), CreatorBody(displayName: new string('a', 101)));

        Assert.Equal(400, response.Status);
        Assert.Contains("at most 100 characters", response.Text, StringComparison.Ordinal);
    }

    /// <summary>"503.17" as the PDF prints it: "503.17 EUR" (thousands separated).</summary>
    private static string StatementAmount(string amount) =>
        decimal.Parse(amount, CultureInfo.InvariantCulture).ToString("N2", CultureInfo.InvariantCulture) + " EUR";
}
