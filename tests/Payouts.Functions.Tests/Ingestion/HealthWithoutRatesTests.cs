using Microsoft.Extensions.DependencyInjection;
using Payouts.Functions.Health;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>This collection's storage never gets rates: a deployment that cannot price gifts must not look healthy.</summary>
[Collection(AppCollection.Name)]
public sealed class HealthWithoutRatesTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task Health_NoRatesLoaded_Is503ExplainingHow()
    {
        var request = HttpCall.Get();

        var response = await HttpCall.ExecuteAsync(request, await ActivatorUtilities.CreateInstance<HealthHttp>(App.Services).Run(request, CancellationToken.None));

        Assert.Equal(503, response.Status);
        var rates = response.Body.GetProperty("checks").GetProperty("rates");
        Assert.Contains("PUT /api/rates", rates.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("healthy", response.Body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }
}
