using System.Text.Json.Nodes;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.PayoutBatches;

/// <summary>
/// Issue 15.2 end to end on Azurite: payout details set through the admin API (read back masked, encrypted at rest),
/// a period closed and built, its batch as JSON, CSV and pain.001 (valid against the schema, the same bytes when asked
/// again), refused while the period is pending; a reissue makes version 2 with the new payable while version 1 stays as
/// it was. No IBAN or holder name appears in any log line, any stored row or manifest, or any response but the XML.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class PayoutBatchPipelineTests(PayoutsAppFixture app) : PayoutBatchTestBase(app)
{
    /// <summary>Periods are global in this collection: 2041-01 is CrashBetweenStepsTests', 2041-04 PayoutBatchPendingTests'.</summary>
    private const string Period = "2041-02";
    private const string FrenchIban = "FR7630006000011234567890189";
    private const string GermanIban = "DE89370400440532013000";
    private const string ItalianIban = "IT60X0542811101000000123456";
    private const string NewGermanIban = "DE02120300000000202051";
    private static readonly XNamespace Pain = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    private static readonly string[] Secrets = [FrenchIban, GermanIban, ItalianIban, NewGermanIban, "Léa Martin", "Jonas Keller", "Marco Rossi"];

    [Fact]
    public async Task PayoutBatch_OfAClosedPeriod_IsServedInThreeForms_AndAReissueMakesVersion2WhileVersion1Stays()
    {
        using var recording = App.Logs.Record();
        var responses = new List<HttpCall.Response>();
        var (lea, jonas, marco, nodetails, small) = (Payloads.Unique("pb-lea"), Payloads.Unique("pb-jonas"), Payloads.Unique("pb-marco"), Payloads.Unique("pb-none"), Payloads.Unique("pb-small"));
        SetClock("2041-03-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        foreach (var creator in new[] { lea, jonas, marco, nodetails })
        {
            await PutCreatorAsync(creator, minimumPayout: "0.00");
        }

        await PutCreatorAsync(small, minimumPayout: "1000.00");
        await PostDealsAsync(Payloads.Envelope(
            PayoutsAppFixture.Partner,
            Deal("d", lea, "200.00"), Deal("d", jonas, "100.00"), Deal("d", marco, "40.00"), Deal("d", nodetails, "10.00"), Deal("d", small, "10.00")));

        // Payout details: validated, answered masked, stored sealed.
        responses.Add(Expect(200, await PutPayoutDetailsAsync(lea, "fr76 3000 6000 0112 3456 7890 189", "Léa  Martin", bic: "bnpafrpp")));
        responses.Add(Expect(200, await PutPayoutDetailsAsync(jonas, GermanIban, "Jonas Keller")));
        responses.Add(Expect(200, await PutPayoutDetailsAsync(marco, ItalianIban, "Marco Rossi", method: "manual")));
        var leaDetails = Expect(200, await GetPayoutDetailsAsync(lea));
        responses.Add(leaDetails);
        Assert.Equal("FR76 **** **** **** **** ***0 189", leaDetails.Body.GetProperty("ibanMasked").GetString());
        Assert.Equal("L** M*****", leaDetails.Body.GetProperty("accountHolderMasked").GetString());
        Assert.Equal("sepa", leaDetails.Body.GetProperty("method").GetString());
        Assert.Equal("BNPAFRPP", leaDetails.Body.GetProperty("bic").GetString());
        var bad = await PutPayoutDetailsAsync(lea, "FR7630006000011234567890198", "Léa Martin");
        responses.Add(bad);
        Assert.Equal(400, bad.Status);
        Assert.Contains("mod 97", bad.Body.GetProperty("errors").GetProperty("iban")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("FR76 **** **** **** **** ***0 189", (await GetPayoutDetailsAsync(lea)).Body.GetProperty("ibanMasked").GetString());

        // Not closed, then closed with jobs still queued: 409 saying what is pending.
        var open = Expect(409, await GetBatchAsync(Period));
        responses.Add(open);
        Assert.Contains("not Closed", open.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Expect(200, await ClosePeriodAsync(Period));
        var building = Expect(409, await GetBatchAsync(Period));
        responses.Add(building);
        Assert.Contains("statement job(s) are still queued", building.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await DrainStatementJobsAsync();

        // Version 1: JSON summary, CSV, pain.001.
        var json = Expect(200, await GetBatchAsync(Period));
        responses.Add(json);
        var summary = json.Body;
        Assert.Equal(1, summary.GetProperty("version").GetInt32());
        Assert.Equal(1, summary.GetProperty("latestVersion").GetInt32());
        var rows = summary.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("creatorId").GetString()!);
        Assert.Equal([jonas, lea, marco, nodetails], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("170.00", rows[lea].GetProperty("payable").GetString());
        Assert.Equal($"{lea}~{Period}~v1", rows[lea].GetProperty("statementId").GetString());
        Assert.Equal("FR76 **** **** **** **** ***0 189", rows[lea].GetProperty("account").GetString());
        Assert.Equal("85.00", rows[jonas].GetProperty("payable").GetString());
        Assert.Equal("297.50", summary.GetProperty("totals").GetProperty("EUR").GetProperty("payable").GetString());
        Assert.Equal(4, summary.GetProperty("totals").GetProperty("EUR").GetProperty("rows").GetInt32());
        Assert.Equal("255.00", summary.GetProperty("transferFile").GetProperty("controlSum").GetString());
        var excluded = summary.GetProperty("excluded").EnumerateArray().ToDictionary(e => e.GetProperty("creatorId").GetString()!, e => e.GetProperty("reason").GetString());
        Assert.Equal("manual-method", excluded[marco]);
        Assert.Equal("no-payout-details", excluded[nodetails]);
        Assert.DoesNotContain(small, rows.Keys);

        var csvV1 = Expect(200, await GetBatchAsync(Period, accept: "text/csv"));
        responses.Add(csvV1);
        Assert.StartsWith("text/csv", csvV1.ContentType, StringComparison.Ordinal);
        Assert.Contains($"{lea}~{Period}~v1,{lea},EUR,170.00,sepa,FR76 **** **** **** **** ***0 189,yes,{lea}~{Period}~v1,", csvV1.Text, StringComparison.Ordinal);
        var xmlV1 = Expect(200, await GetBatchAsync(Period, accept: "application/xml"));
        Assert.StartsWith("application/xml", xmlV1.ContentType, StringComparison.Ordinal);
        Domain.Tests.PayoutBatches.Pain001Schema.AssertValid(Bytes(xmlV1));
        var transfers = Transfers(xmlV1);
        Assert.Equal([$"{jonas}~{Period}~v1", $"{lea}~{Period}~v1"], transfers.Keys);
        Assert.Equal(("170.00", FrenchIban, "Léa Martin"), transfers[$"{lea}~{Period}~v1"]);
        Assert.Equal(("85.00", GermanIban, "Jonas Keller"), transfers[$"{jonas}~{Period}~v1"]);
        Assert.Equal(PayoutsAppFixture.DebtorIban, XDocument.Parse(xmlV1.Text).Descendants(Pain + "DbtrAcct").Single().Value);
        Assert.Equal(xmlV1.Text, (await GetBatchAsync(Period, query: "?format=xml")).Text);
        Assert.Equal(1, (await GetBatchAsync(Period)).Body.GetProperty("version").GetInt32());

        // A reissue (the deal commission was 10 %, not 15 %) makes version 2 with the new payable; version 1 stays readable.
        await PutCreatorAsync(lea, minimumPayout: "0.00", effectiveFrom: "2041-02-01", commissionDeals: "0.10");
        responses.Add(Expect(200, await ReissueAsync($"{lea}~{Period}~v1", "deal commission is 10 % from February")));
        var v2 = Expect(200, await GetBatchAsync(Period));
        responses.Add(v2);
        Assert.Equal(2, v2.Body.GetProperty("version").GetInt32());
        var leaV2 = v2.Body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("creatorId").GetString() == lea);
        Assert.Equal($"{lea}~{Period}~v2", leaV2.GetProperty("statementId").GetString());
        Assert.Equal("180.00", leaV2.GetProperty("payable").GetString());
        Assert.Equal("170.00", leaV2.GetProperty("alreadyTransferred").GetString());
        Assert.Equal("10.00", leaV2.GetProperty("toTransfer").GetString());
        Assert.Equal("10.00", v2.Body.GetProperty("transferFile").GetProperty("controlSum").GetString());
        var jonasV2 = v2.Body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("creatorId").GetString() == jonas);
        Assert.Equal((1, "85.00", false), (jonasV2.GetProperty("alreadyBatchedIn").GetInt32(), jonasV2.GetProperty("alreadyTransferred").GetString(), jonasV2.GetProperty("inTransferFile").GetBoolean()));

        // Version 2's file pays only the reissue's difference: paying v1 then v2 pays lea 180.00 and jonas 85.00, once.
        var transfersV2 = Transfers(Expect(200, await GetBatchAsync(Period, query: "?format=xml")));
        Assert.Equal([$"{lea}~{Period}~v2"], transfersV2.Keys);
        Assert.Equal(("10.00", FrenchIban, "Léa Martin"), transfersV2[$"{lea}~{Period}~v2"]);
        var v1Again = Expect(200, await GetBatchAsync(Period, accept: "text/csv", query: "?version=1"));
        responses.Add(v1Again);
        Assert.Equal(csvV1.Text, v1Again.Text);
        Assert.Equal(xmlV1.Text, (await GetBatchAsync(Period, query: "?version=1&format=xml")).Text);
        Assert.Equal(2, (await GetBatchAsync(Period, query: "?version=1")).Body.GetProperty("latestVersion").GetInt32());
        responses.Add(Expect(404, await GetBatchAsync(Period, query: "?version=9")));

        // New payout details are a new version too; the older ones keep the account they were made with.
        responses.Add(Expect(200, await PutPayoutDetailsAsync(jonas, NewGermanIban, "Jonas Keller")));
        // Nothing is left to transfer in version 3 (both were paid by earlier files), so it has no transfer file.
        Assert.Equal(3, (await GetBatchAsync(Period)).Body.GetProperty("version").GetInt32());
        Assert.Equal(409, (await GetBatchAsync(Period, query: "?format=xml")).Status);
        Assert.Equal(GermanIban, Transfers(await GetBatchAsync(Period, query: "?version=1&format=xml"))[$"{jonas}~{Period}~v1"].Iban);

        // Personal data: nowhere in clear but the XML.
        Assert.NotEmpty(App.Logs.Entries);
        Assert.All(Secrets, secret => Assert.DoesNotContain(App.Logs.Entries, e => Contains(e, secret)));
        Assert.All(Secrets, secret => Assert.DoesNotContain(responses, r => Contains(r.Text, secret)));
        var rowsAtRest = (await RowsAsync(TableNames.PayoutDetails, lea)).Concat(await RowsAsync(TableNames.PayoutDetails, jonas)).ToList();
        Assert.Equal(2, rowsAtRest.Count);
        Assert.All(Secrets, secret => Assert.DoesNotContain(rowsAtRest, row => row.Any(column => Contains(column.Value?.ToString(), secret))));
        var manifests = await ManifestsAsync(Period);
        Assert.Equal(3, manifests.Count);
        Assert.All(Secrets, secret => Assert.DoesNotContain(manifests, m => Contains(m, secret)));
    }

    private static HttpCall.Response Expect(int status, HttpCall.Response response)
    {
        Assert.True(status == response.Status, $"{response.Status}: {response.Text}");
        return response;
    }

    /// <summary>An IBAN may appear in electronic form or grouped in fours; a name as typed.</summary>
    private static bool Contains(string? text, string secret) =>
        text is not null && (text.Contains(secret, StringComparison.OrdinalIgnoreCase) || text.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(secret, StringComparison.OrdinalIgnoreCase));

    private static JsonObject Deal(string id, string creator, string amount) => Payloads.Deal(id, creator, amount).With("earnedAt", "2041-02-15T10:00:00Z");

    private static Dictionary<string, (string Amount, string Iban, string Name)> Transfers(HttpCall.Response xml) =>
        XDocument.Parse(xml.Text).Descendants(Pain + "CdtTrfTxInf").ToDictionary(
            t => t.Descendants(Pain + "EndToEndId").Single().Value,
            t => (t.Descendants(Pain + "InstdAmt").Single().Value, t.Element(Pain + "CdtrAcct")!.Descendants(Pain + "IBAN").Single().Value, t.Element(Pain + "Cdtr")!.Element(Pain + "Nm")!.Value));

    private async Task<List<string>> ManifestsAsync(string period)
    {
        var container = new BlobContainerClient(App.ConnectionString, StatementDocuments.Container);
        var manifests = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"payout-batches/{period}/", CancellationToken.None))
        {
            manifests.Add((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }

        return manifests;
    }
}
