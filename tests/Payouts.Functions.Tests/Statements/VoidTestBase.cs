using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>The void tests' shared steps: a creator with the §5 rates and contract, voids and audit reads through the admin functions.</summary>
public abstract class VoidTestBase(PayoutsAppFixture app) : PipelineTestBase(app)
{
    protected async Task<string> CreatorAsync(string prefix, string clock, string region = "FR")
    {
        var creator = Payloads.Unique(prefix);
        SetClock(clock);
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, region: region, minimumPayout: "0.00");
        return creator;
    }

    protected Task<HttpCall.Response> VoidAsync(string kind, string recordId, string reason) =>
        PostAdminAsync<VoidRecordHttp>(new JsonObject { ["reason"] = reason }.ToJsonString(), (f, r) => f.Run(r, kind, PayoutsAppFixture.Partner, recordId, CancellationToken.None));

    /// <summary>A void through <paramref name="function"/> (built by the test with a fault or an option of its own), the request shaped by <paramref name="shape"/>.</summary>
    protected async Task<HttpCall.Response> VoidThroughAsync(VoidRecordHttp function, string kind, string recordId, string reason, Action<HttpRequest>? shape = null)
    {
        var request = HttpCall.Request(new JsonObject { ["reason"] = reason }.ToJsonString(), secret: null, Now);
        shape?.Invoke(request);
        return await HttpCall.ExecuteAsync<VoidRecordHttp>(request, await function.Run(request, kind, PayoutsAppFixture.Partner, recordId, CancellationToken.None));
    }

    /// <summary><c>GET /api/records/{kind}/{partnerId}/{recordId}</c>.</summary>
    protected Task<HttpCall.Response> RecordAuditAsync(string kind, string recordId, string partnerId = PayoutsAppFixture.Partner) =>
        GetAsync<GetRecordHttp>((f, r) => f.Run(r, kind, partnerId, recordId, CancellationToken.None));

    /// <summary>The stored row of a record (or of its void: <c>|void</c> after the row key), as written.</summary>
    protected async Task<TableEntity?> RecordRowAsync(string table, string creatorId, string period, string recordId, bool voidRow = false)
    {
        var row = await App.Tables.GetTableClient(table).GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Compose(creatorId, period), TableKeys.Compose(PayoutsAppFixture.Partner, recordId) + (voidRow ? "|void" : string.Empty));
        return row.HasValue ? row.Value : null;
    }
}
