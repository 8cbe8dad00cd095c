using System.Text.Json.Nodes;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Hostile;

/// <summary>
/// Each generated bad record travels in a batch with a good one: the bad one is rejected with an error on its field and
/// leaves no trace (its corrected version is then accepted as new, so not even its id was claimed); the good one is stored.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileRecordTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Theory]
    [MemberData(nameof(HostileRecords.Gifts), MemberType = typeof(HostileRecords))]
    [MemberData(nameof(HostileRecords.Deals), MemberType = typeof(HostileRecords))]
    public async Task BadRecord_RejectedOnItsFieldNothingWritten_GoodNeighbourStored(string kind, string field, string? valueJson)
    {
        var creator = Payloads.Unique("hostile");
        var good = kind == "gift" ? Payloads.Gift("good", creator) : Payloads.Deal("good", creator);
        var valid = kind == "gift" ? Payloads.Gift("bad", creator) : Payloads.Deal("bad", creator);
        var bad = valueJson is null ? Without(valid, field) : valid.With(field, JsonNode.Parse(valueJson));
        var post = kind == "gift" ? (Func<string, Task<HttpCall.Response>>)(b => PostGiftsAsync(b)) : b => PostDealsAsync(b);

        var response = await post(Payloads.Envelope(PayoutsAppFixture.Partner, bad, good));

        Assert.Equal(200, response.Status);
        Assert.Equal(["rejected", "accepted"], response.Statuses);
        var errors = response.Body.GetProperty("results")[0].GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _) || (field == "kind" && errors.TryGetProperty("originalRecordId", out _)), $"no error on {field}: {errors}");
        var table = kind == "gift" ? TableNames.Gifts : TableNames.Deals;
        Assert.Equal([$"{PayoutsAppFixture.Partner}|{Payloads.RecordId(creator, "good")}"], (await RowsOfCreatorAsync(table, creator)).Select(r => r.RowKey));

        // The corrected record under the same id is new: the rejected one claimed nothing.
        var retry = await post(Payloads.Envelope(PayoutsAppFixture.Partner, valid));
        Assert.Equal(["accepted"], retry.Statuses);
    }

    private static JsonObject Without(JsonObject record, string field)
    {
        var copy = (JsonObject)record.DeepClone();
        copy.Remove(field);
        return copy;
    }
}
