using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

[Collection(AppCollection.Name)]
public sealed class HttpDealIngestTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task PostDeals_MoneyAndDiamondBonus_StoredExactly()
    {
        var creator = Payloads.Unique("deal");

        var response = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("d1", creator, "1250.10"),
            Payloads.Deal("b1", creator, "2000", "DIAMOND", "eventBonus"),
            Payloads.Deal("r1", creator, "-100.00", "USD", "sponsoredLive")));

        Assert.Equal(["accepted", "accepted", "accepted"], response.Statuses);
        var rows = (await RowsOfCreatorAsync(TableNames.Deals, creator)).ToDictionary(r => r.RowKey);
        Assert.Equal("1250.1", rows[$"tiklive|{creator}.d1"].GetString("Amount"));
        Assert.Equal("EUR", rows[$"tiklive|{creator}.d1"].GetString("Currency"));
        Assert.Equal("DIAMOND", rows[$"tiklive|{creator}.b1"].GetString("Currency"));
        Assert.Equal("-100", rows[$"tiklive|{creator}.r1"].GetString("Amount"));
    }

    [Fact]
    public async Task PostDeals_InvalidFields_AllReportedAtOnce()
    {
        var creator = Payloads.Unique("dealbad");
        var bad = Payloads.Deal("x1", creator, amount: "1e30", currency: "XYZ", type: "handshake").With("brand", null).With("earnedAt", "2026-13-01");

        var response = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, bad));

        var errors = response.Body.GetProperty("results")[0].GetProperty("errors");
        Assert.Equal(["amount", "currency", "earnedAt", "type"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Deals, creator));
    }

    [Fact]
    public async Task GiftAndDealWithTheSameRecordId_AreIndependent()
    {
        var creator = Payloads.Unique("ids");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("same", creator)));

        var response = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("same", creator)));

        Assert.Equal(["accepted"], response.Statuses);
    }
}
