using System.Text.Json.Nodes;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Admin;

/// <summary><c>?force=</c> is true or false: a mistyped value is a 400 naming it, never a quiet "no".</summary>
[Collection(StatementsCollection.Name)]
public sealed class QueryFlagTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Theory]
    [InlineData("?force=yes")]
    [InlineData("?force=1")]
    [InlineData("?force=true&force=false")]
    public async Task ForceThatIsNotTrueOrFalse_IsA400_OnClosingAndOnRates(string query)
    {
        var close = await AdminAsync<ClosePeriodHttp>(string.Empty, (f, r) => f.Run(r, "2026-11", CancellationToken.None), query);
        var rate = new JsonObject { ["kind"] = "usdPerDiamond", ["key"] = "FR", ["from"] = "2026-11-02", ["value"] = "0.006", ["versionId"] = Payloads.Unique("v"), ["reason"] = "typo" };
        var put = await AdminAsync<PutRateHttp>(rate.ToJsonString(), (f, r) => f.Run(r, CancellationToken.None), query);

        foreach (var answer in new[] { close, put })
        {
            Assert.Equal(400, answer.Status);
            Assert.Equal("must be true or false, once", answer.Body.GetProperty("errors").GetProperty("force")[0].GetString());
        }
    }

    [Fact]
    public async Task ForceFalse_IsTheSameAsNoForce()
    {
        var close = await AdminAsync<ClosePeriodHttp>(string.Empty, (f, r) => f.Run(r, "2099-11", CancellationToken.None), "?force=False");

        Assert.Equal(409, close.Status);
        Assert.DoesNotContain("force", close.Body.GetProperty("type").GetString()!, StringComparison.Ordinal);
    }
}
