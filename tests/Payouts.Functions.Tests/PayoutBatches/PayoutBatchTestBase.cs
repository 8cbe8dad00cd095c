using System.Text.Json.Nodes;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.PayoutBatches;

/// <summary>The payout-details and payout-batch admin functions, called as the host calls them.</summary>
public abstract class PayoutBatchTestBase(PayoutsAppFixture app) : PipelineTestBase(app)
{
    protected Task<HttpCall.Response> PutPayoutDetailsAsync(string creatorId, string? iban, string holder, string? bic = null, string? method = null)
    {
        var body = new JsonObject { ["iban"] = iban, ["bic"] = bic, ["accountHolder"] = holder, ["method"] = method };
        return AdminAsync<PutPayoutDetailsHttp>(body.ToJsonString(), (f, r) => f.Run(r, creatorId, CancellationToken.None));
    }

    protected async Task<HttpCall.Response> GetPayoutDetailsAsync(string creatorId)
    {
        var request = HttpCall.Get();
        return await HttpCall.ExecuteAsync<GetPayoutDetailsHttp>(request, await Function<GetPayoutDetailsHttp>().Run(request, creatorId, CancellationToken.None));
    }

    protected async Task<HttpCall.Response> GetBatchAsync(string period, string? accept = null, string query = "")
    {
        var request = HttpCall.Get(accept, query);
        return await HttpCall.ExecuteAsync<GetPayoutBatchHttp>(request, await Function<GetPayoutBatchHttp>().Run(request, period, CancellationToken.None));
    }

    /// <summary>The body as bytes, for byte-for-byte comparisons (the response reader gives text).</summary>
    protected static byte[] Bytes(HttpCall.Response response) => System.Text.Encoding.UTF8.GetBytes(response.Text);
}
