using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Health;

/// <summary>
/// This collection's storage never gets rates. An instance without them still ingests, so the platform must not
/// replace it: 200, with the gap as a warning for on-call (details route and metric).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HealthWithoutRatesTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task Health_NoRatesLoaded_Is200WithAWarningCount()
    {
        var response = await HealthAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal("healthy", response.Body.GetProperty("status").GetString());
        Assert.Equal(1, response.Body.GetProperty("warnings").GetInt32());
    }

    [Fact]
    public async Task HealthDetails_NoRatesLoaded_Is200WithTheWarningExplainingHow()
    {
        var response = await HealthDetailsAsync();

        Assert.Equal(200, response.Status);
        var checks = response.Body.GetProperty("checks");
        var rates = checks.GetProperty("rates");
        Assert.Equal("warning", rates.GetProperty("status").GetString());
        Assert.Contains("PUT /api/rates", Assert.Single(rates.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal("healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("queues").GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthDetails_NoRatesLoaded_SetsTheWarningsGaugePerCheck()
    {
        using var rounds = new HealthRounds(App.Services);

        await HealthDetailsAsync();

        Assert.Equal(1, rounds.Count);
        Assert.Equal(1, rounds.LastWarnings("rates"));
        Assert.Equal(0, rounds.LastWarnings("storage"));
        Assert.Equal(0, rounds.LastWarnings("queues"));
    }
}
