using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Admin;

/// <summary>A contract charges commission only when there is an agency to pay it to.</summary>
[Collection(StatementsCollection.Name)]
public sealed class CreatorContractValidationTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    private static readonly string[] CommissionFields = ["commissionGifts", "commissionDeals", "commissionBonuses"];

    [Fact]
    public async Task PutCreator_WithoutAnAgency_RefusesCommissionRates_FieldByField_AndStoresNothing()
    {
        var creator = Payloads.Unique("noagency");
        var body = CreatorBody();
        body.Remove("agencyId");

        var refused = await PutCreatorBodyAsync(creator, body);

        Assert.Equal(400, refused.Status);
        var errors = refused.Body.GetProperty("errors");
        Assert.All(CommissionFields, field => Assert.Contains("without an agencyId", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal));
        Assert.Empty(await RowsAsync(Payouts.Storage.Tables.TableNames.Creators, creator));

        body["commissionGifts"] = "0";
        body["commissionDeals"] = "0.00";
        body["commissionBonuses"] = "0";
        Assert.Equal(200, (await PutCreatorBodyAsync(creator, body)).Status);
    }
}
