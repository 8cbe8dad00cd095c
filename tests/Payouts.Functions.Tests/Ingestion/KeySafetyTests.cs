using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>Values that would break or escape a Table key or an OData filter never reach storage.</summary>
[Collection(AppCollection.Name)]
public sealed class KeySafetyTests(PayoutsAppFixture app) : AppTestBase(app)
{
    public static TheoryData<string> HostileIds => new()
    {
        "a/b", "a\\b", "a#b", "a?b", "a|b", "../etc", "tab\there", "nul\0x", "new\nline", "space here",
        "x' or PartitionKey ne '", "x') or (true", "é-accent", new string('a', 129), string.Empty,
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task HostileCreatorId_IsRejectedPerRecordAndNothingIsWritten(string creatorId)
    {
        var marker = Payloads.Unique("safe");
        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift(marker, "c").With("creatorId", creatorId),
            Payloads.Gift(marker + "-ok", marker)));

        Assert.Equal(["rejected", "accepted"], response.Statuses);
        Assert.True(response.Body.GetProperty("results")[0].GetProperty("errors").TryGetProperty("creatorId", out _));
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, marker));
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task HostileRecordId_IsRejected(string recordId)
    {
        var creator = Payloads.Unique("rid");

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("x", creator).With("recordId", recordId)));

        Assert.Equal(["rejected"], response.Statuses);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Theory]
    [InlineData("x' or '1' eq '1")]
    [InlineData("a/b")]
    public async Task HostilePartnerIdInBody_IsRefusedBeforeAnyWrite(string partnerId)
    {
        var response = await PostGiftsAsync(Payloads.Envelope(partnerId, Payloads.Gift("x", "c")), partnerHeader: PayoutsAppFixture.Partner);

        Assert.Equal(400, response.Status);
        Assert.True(response.Body.GetProperty("errors").TryGetProperty("partnerId", out _));
    }

    [Fact]
    public async Task FilterBuiltFromHostileValue_MatchesNothing()
    {
        // The one query the app builds from a value goes through CreateQueryFilter: a quote cannot widen it.
        var creator = Payloads.Unique("odata");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("o1", creator)));

        var rows = await RowsAsync(TableNames.Gifts, $"{creator}|2026-11' or PartitionKey ne '");

        Assert.Empty(rows);
    }
}
