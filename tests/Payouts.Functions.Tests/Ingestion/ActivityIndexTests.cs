using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>Each stored record leaves the marks a period close needs to find it.</summary>
[Collection(AppCollection.Name)]
public sealed class ActivityIndexTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task RecordOfTheRunningPeriod_IsMarkedInItsPeriodOnly()
    {
        var creator = Payloads.Unique("act");

        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("a1", creator)));

        Assert.Contains(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey == $"{creator}|2026-11");
        Assert.DoesNotContain(await RowsAsync(TableNames.Activity, "2026-12"), r => r.RowKey.StartsWith(creator, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordArrivingAfterItsPeriodEnded_IsAlsoMarkedInTheRunningPeriod()
    {
        // Now is 2026-11-20: an October gift is late, so November's close must visit its creator too.
        var creator = Payloads.Unique("late");

        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("l1", creator, occurredAt: "2026-10-31T23:30:00+01:00")));

        Assert.Contains(await RowsAsync(TableNames.Activity, "2026-10"), r => r.RowKey == $"{creator}|2026-10");
        Assert.Contains(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey == $"{creator}|2026-10");
        Assert.Equal("2026-10", Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator)).GetString("Period"));
    }

    [Fact]
    public async Task GiftAtParisMidnight_BelongsToTheParisMonth()
    {
        var creator = Payloads.Unique("tz");

        // 2026-10-31T23:30Z is already 1 November in Paris.
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("z1", creator, occurredAt: "2026-11-19T23:30:00Z"), Payloads.Gift("z2", creator, occurredAt: "2026-10-31T23:30:00Z")));

        Assert.Equal(["2026-11", "2026-11"], (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Select(r => r.GetString("Period")));
    }
}
