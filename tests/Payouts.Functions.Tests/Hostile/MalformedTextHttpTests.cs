using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Domain.Records.Wire;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Hostile;

/// <summary>
/// Strings that are not text (invalid UTF-8 bytes, unpaired surrogate escapes) over HTTP, through the real function
/// classes: in a record, that record is rejected on its field and its neighbour stored; in the envelope or an admin
/// body, the request is a 400 problem. Never a 500.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MalformedTextHttpTests(PayoutsAppFixture app) : AppTestBase(app)
{
    public static TheoryData<string> Kinds => MalformedBytes.Kinds;

    public static TheoryData<string, string> GiftFieldsByKind()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in new[] { "recordId", "creatorId", "senderId", "giftId", "kind", "occurredAt", "notInTheContract" })
        {
            foreach (var kind in MalformedBytes.Kinds)
            {
                data.Add(field, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GiftFieldsByKind))]
    public async Task JsonBatch_MalformedTextInAGiftField_RejectedOnThatFieldNeighbourStored(string field, string kind)
    {
        var creator = Payloads.Unique("utf8");
        var bad = Payloads.Gift("bad", creator).With(field, $"x{MalformedBytes.Marker}");
        var body = MalformedBytes.Json(Payloads.Envelope(PayoutsAppFixture.Partner, bad, Payloads.Gift("good", creator)), kind);

        var response = await PostAsync<Functions.Ingestion.IngestGiftsHttp>(body, "application/json");

        Assert.Equal(200, response.Status);
        Assert.Equal(["rejected", "accepted"], response.Statuses);
        var errors = response.Body.GetProperty("results")[0].GetProperty("errors");
        Assert.Equal(JsonText.Problem, errors.GetProperty(field)[0].GetString());
        Assert.Equal([$"{PayoutsAppFixture.Partner}|{Payloads.RecordId(creator, "good")}"], (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Select(r => r.RowKey));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task JsonBatch_MalformedTextInADealBrand_RejectedOnBrand(string kind)
    {
        var creator = Payloads.Unique("utf8d");
        var bad = Payloads.Deal("bad", creator).With("brand", $"Ac{MalformedBytes.Marker}me");
        var body = MalformedBytes.Json(Payloads.Envelope(PayoutsAppFixture.Partner, bad, Payloads.Deal("good", creator)), kind);

        var response = await PostAsync<Functions.Ingestion.IngestDealsHttp>(body, "application/json");

        Assert.Equal(["rejected", "accepted"], response.Statuses);
        Assert.True(response.Body.GetProperty("results")[0].GetProperty("errors").TryGetProperty("brand", out _));
        Assert.Single(await RowsOfCreatorAsync(TableNames.Deals, creator));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task NdJsonBatch_MalformedTextInALine_RejectedOnItsFieldNeighbourStored(string kind)
    {
        var creator = Payloads.Unique("utf8n");
        var lines = $"{Payloads.Gift("bad", creator).With("liveId", MalformedBytes.Marker).ToJsonString()}\n{Payloads.Gift("good", creator).ToJsonString()}\n";

        var response = await PostAsync<Functions.Ingestion.IngestGiftsHttp>(MalformedBytes.Json(lines, kind), "application/x-ndjson", PayoutsAppFixture.Partner);

        Assert.Equal(["rejected", "accepted"], response.Statuses);
        Assert.True(response.Body.GetProperty("results")[0].GetProperty("errors").TryGetProperty("liveId", out _));
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task JsonBatch_MalformedPropertyNameInARecord_RejectsThatRecord(string kind)
    {
        var creator = Payloads.Unique("utf8k");
        var template = Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("bad", creator).With(MalformedBytes.Marker, 1), Payloads.Gift("good", creator));

        var response = await PostAsync<Functions.Ingestion.IngestGiftsHttp>(MalformedBytes.Json(template, kind), "application/json");

        Assert.Equal(["rejected", "accepted"], response.Statuses);
        Assert.True(response.Body.GetProperty("results")[0].GetProperty("errors").TryGetProperty("record", out _));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Envelope_MalformedPartnerId_Is400Problem(string kind)
    {
        var creator = Payloads.Unique("utf8p");
        var template = Payloads.Envelope($"tik{MalformedBytes.Marker}", Payloads.Gift("g", creator));

        var response = await PostAsync<Functions.Ingestion.IngestGiftsHttp>(MalformedBytes.Json(template, kind), "application/json", PayoutsAppFixture.Partner);

        AssertProblem(response, 400);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Envelope_MalformedPropertyName_Is400Problem(string kind)
    {
        var creator = Payloads.Unique("utf8e");
        var envelope = JsonNode.Parse(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator)))!.AsObject();
        envelope[MalformedBytes.Marker] = true;

        // The body's partnerId is not read from a body like this one, so the partner is named in the header (else: 401).
        var response = await PostAsync<Functions.Ingestion.IngestGiftsHttp>(MalformedBytes.Json(envelope.ToJsonString(), kind), "application/json", PayoutsAppFixture.Partner);

        AssertProblem(response, 400);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AdminAgency_MalformedName_Is400Problem(string kind)
    {
        var body = MalformedBytes.Json(new JsonObject { ["name"] = $"Nova {MalformedBytes.Marker}" }.ToJsonString(), kind);

        var response = await AdminAsync<PutAgencyHttp>(body, (f, r) => f.Run(r, Payloads.Unique("agency"), CancellationToken.None));

        AssertProblem(response, 400);
        Assert.Contains("$.name", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AdminRate_MalformedVersionId_Is400ProblemNothingStored(string kind)
    {
        var versionId = Payloads.Unique("rate");
        var body = new JsonObject { ["kind"] = "diamondsPerCoin", ["key"] = "FR", ["from"] = "2019-01-01", ["value"] = "0.5", ["versionId"] = $"{versionId}{MalformedBytes.Marker}" };

        var response = await AdminAsync<PutRateHttp>(MalformedBytes.Json(body.ToJsonString(), kind), (f, r) => f.Run(r, CancellationToken.None));

        AssertProblem(response, 400);
        var stored = await App.Tables.GetTableClient(TableNames.Rates).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("DiamondsPerCoin", "FR|2019-01-01");
        Assert.False(stored.HasValue);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AdminCreator_MalformedUnknownField_Is400Problem(string kind)
    {
        var body = new JsonObject
        {
            ["effectiveFrom"] = "2025-01-01", ["region"] = "FR", ["payoutCurrency"] = "EUR", ["commissionGifts"] = "0.2",
            ["commissionDeals"] = "0.15", ["commissionBonuses"] = "0.1", ["minimumPayout"] = "50.00", ["note"] = new JsonArray(MalformedBytes.Marker),
        };

        var response = await AdminAsync<PutCreatorHttp>(MalformedBytes.Json(body.ToJsonString(), kind), (f, r) => f.Run(r, Payloads.Unique("creator"), CancellationToken.None));

        AssertProblem(response, 400);
        Assert.Contains("$.note[0]", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AdminVoid_MalformedReason_Is400Problem_RecordNotVoided(string kind)
    {
        var creator = Payloads.Unique("utf8v");
        var recordId = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator)));
        var body = MalformedBytes.Json(new JsonObject { ["reason"] = $"wrong {MalformedBytes.Marker} creator" }.ToJsonString(), kind);

        var response = await AdminAsync<VoidRecordHttp>(body, (f, r) => f.Run(r, "gifts", PayoutsAppFixture.Partner, recordId, CancellationToken.None));

        AssertProblem(response, 400);
        Assert.Contains("$.reason", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var valid = await AdminAsync<VoidRecordHttp>(
            System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["reason"] = "wrong creator" }.ToJsonString()),
            (f, r) => f.Run(r, "gifts", PayoutsAppFixture.Partner, recordId, CancellationToken.None));
        Assert.Equal("voided", valid.Body.GetProperty("result").GetString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AdminReissue_MalformedReason_Is400Problem(string kind)
    {
        var body = MalformedBytes.Json(new JsonObject { ["reason"] = $"rate {MalformedBytes.Marker} fixed" }.ToJsonString(), kind);

        var response = await AdminAsync<ReissueStatementHttp>(body, (f, r) => f.Run(r, $"{Payloads.Unique("utf8r")}~2026-10~v1", CancellationToken.None));

        AssertProblem(response, 400);
        Assert.Contains("$.reason", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AdminPayoutDetails_MalformedAccountHolder_Is400ProblemNothingStoredNoIbanInTheAnswer(string kind)
    {
        const string iban = "FR1420041010050500013M02606";
        var creator = Payloads.Unique("utf8pd");
        var body = new JsonObject { ["method"] = "sepa", ["iban"] = iban, ["bic"] = "PSSTFRPPXXX", ["accountHolder"] = $"L\u00e9a {MalformedBytes.Marker}" };

        var response = await AdminAsync<PutPayoutDetailsHttp>(MalformedBytes.Json(body.ToJsonString(), kind), (f, r) => f.Run(r, creator, CancellationToken.None));

        AssertProblem(response, 400);
        Assert.Contains("$.accountHolder", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(iban, response.Text, StringComparison.Ordinal);
        Assert.Null(await App.Services.GetRequiredService<Payouts.Storage.PayoutDetails.PayoutDetailsStore>().GetAsync(creator, CancellationToken.None));
    }

    private static void AssertProblem(HttpCall.Response response, int status)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains(JsonText.Problem, response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpCall.Response> PostAsync<T>(byte[] body, string contentType, string? partnerHeader = null)
        where T : class
    {
        var request = HttpCall.Request(body, PayoutsAppFixture.PartnerSecret, Now, contentType, partnerHeader);
        var function = ActivatorUtilities.CreateInstance<T>(App.Services);
        var result = function switch
        {
            Functions.Ingestion.IngestGiftsHttp gifts => await gifts.Run(request, CancellationToken.None),
            Functions.Ingestion.IngestDealsHttp deals => await deals.Run(request, CancellationToken.None),
            _ => throw new NotSupportedException(typeof(T).Name),
        };
        return await HttpCall.ExecuteAsync<T>(request, result);
    }

    private async Task<HttpCall.Response> AdminAsync<T>(byte[] body, Func<T, Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> run)
        where T : class
    {
        var request = HttpCall.Request(body, secret: null, Now);
        return await HttpCall.ExecuteAsync<T>(request, await run(ActivatorUtilities.CreateInstance<T>(App.Services), request));
    }
}
