using Payouts.Functions.Health;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Health;

/// <summary>Storage really goes away (Azurite is stopped): the cached answer covers the window, then the probe says 503.</summary>
[Collection(HealthOutageCollection.Name)]
public sealed class HealthOutageTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task Health_StorageStopsWithinTheWindow_TheCachedAnswerStands_AfterItIs503()
    {
        var before = await HealthAsync();
        await App.StopStorageAsync();

        App.Time.Advance(HealthReportCache.Window - TimeSpan.FromSeconds(1));
        var withinTheWindow = await HealthAsync();
        App.Time.Advance(TimeSpan.FromSeconds(1));
        var afterTheWindow = await HealthAsync();

        Assert.Equal((200, "healthy"), (before.Status, before.Body.GetProperty("status").GetString()));
        Assert.Equal(before.Text, withinTheWindow.Text);
        Assert.Equal(200, withinTheWindow.Status);
        Assert.Equal((503, "unhealthy"), (afterTheWindow.Status, afterTheWindow.Body.GetProperty("status").GetString()));
    }
}
