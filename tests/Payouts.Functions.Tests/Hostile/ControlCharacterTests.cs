using System.Text.Json.Nodes;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Hostile;

/// <summary>
/// .NET's number and date parsers skip a trailing NUL, so "10.00\u0000" would pass for 10.00: amounts, rates and dates
/// holding a control character are refused, in records and in admin bodies, and free admin text refuses them too.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class ControlCharacterTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task DealAmountAndDateWithATrailingNul_AreFieldErrors()
    {
        var creator = Payloads.Unique("nul");
        var response = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("amount", creator, "10.00\u0000"),
            Payloads.Deal("date", creator).With("earnedAt", "2026-11-10T10:00:00Z\u0000")));

        Assert.Equal(["rejected", "rejected"], response.Statuses);
        Assert.True(response.Body.GetProperty("results")[0].GetProperty("errors").TryGetProperty("amount", out _));
        Assert.True(response.Body.GetProperty("results")[1].GetProperty("errors").TryGetProperty("earnedAt", out _));
    }

    [Theory]
    [InlineData("value", "0.9\u0000")]
    [InlineData("from", "2027-03-02\u0000")]
    [InlineData("versionId", "v\u0007")]
    public async Task RateFieldWithAControlCharacter_IsA400NamingIt(string field, string text)
    {
        var rate = new JsonObject { ["kind"] = "usdPerDiamond", ["key"] = "FR", ["from"] = "2027-03-02", ["value"] = "0.9", ["versionId"] = Payloads.Unique("v") };
        rate[field] = text;

        var answer = await AdminAsync<PutRateHttp>(rate.ToJsonString(), (f, r) => f.Run(r, CancellationToken.None));

        Assert.Equal(400, answer.Status);
        Assert.Contains("control characters", answer.Body.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyNameWithANul_IsA400_ButLineBreaksInAVoidReasonAreText()
    {
        var agency = await AdminAsync<PutAgencyHttp>(new JsonObject { ["name"] = "Nova\u0000" }.ToJsonString(), (f, r) => f.Run(r, Payloads.Unique("ag"), CancellationToken.None));

        Assert.Equal(400, agency.Status);
        Assert.True(agency.Body.GetProperty("errors").TryGetProperty("name", out _));
        var reason = await PostAdminAsync<VoidRecordHttp>(new JsonObject { ["reason"] = "first line\nsecond line" }.ToJsonString(),
            (f, r) => f.Run(r, "deals", PayoutsAppFixture.Partner, Payloads.Unique("none"), CancellationToken.None));
        Assert.Equal(404, reason.Status);
    }
}
