using Azure.Storage.Queues;
using Payouts.Functions.Health;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Health;

/// <summary>
/// Health over the statements collection's storage, which has the world rates. Each test sets its own clock minute,
/// so no test reads another's cached report.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class HealthTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task Health_StorageQueuesAndRatesInPlace_Is200Healthy()
    {
        SetClock("2026-03-10T12:00:00Z");
        await PutWorldRatesAsync();

        var response = await HealthAsync();
        var details = await HealthDetailsAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal("healthy", response.Body.GetProperty("status").GetString());
        Assert.Equal(200, details.Status);
        Assert.Equal("2026-03", details.Body.GetProperty("period").GetString());
        Assert.Equal("healthy", details.Body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_ARegionWithoutGiftRatesToday_Is200AndTheTerseBodyNamesNothing()
    {
        SetClock("2026-03-10T12:01:00Z");
        await PutWorldRatesAsync();
        await PutRateAsync("diamondsPerCoin", "ZZ", "0.5", "dpc-zz-2099", from: "2099-01-01");

        var response = await HealthAsync();
        var details = await HealthDetailsAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal(["status", "warnings"], response.Body.EnumerateObject().Select(p => p.Name));
        Assert.True(response.Body.GetProperty("warnings").GetInt32() >= 1);
        Assert.DoesNotContain("ZZ", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("rate", response.Text, StringComparison.OrdinalIgnoreCase);
        var rates = details.Body.GetProperty("checks").GetProperty("rates");
        Assert.Equal(200, details.Status);
        Assert.Equal("warning", rates.GetProperty("status").GetString());
        Assert.Contains(rates.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("'ZZ'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_APoisonQueueMissing_Is503AndTheDetailsNameIt()
    {
        SetClock("2026-03-10T12:02:00Z");
        await PutWorldRatesAsync();
        var poison = new QueueClient(App.ConnectionString, QueueNames.PoisonOf(QueueNames.StatementJobs));
        await poison.DeleteAsync();
        try
        {
            var response = await HealthAsync();
            var details = await HealthDetailsAsync();

            Assert.Equal(503, response.Status);
            Assert.Equal("unhealthy", response.Body.GetProperty("status").GetString());
            Assert.DoesNotContain("poison", response.Text, StringComparison.Ordinal);
            var queues = details.Body.GetProperty("checks").GetProperty("queues");
            Assert.Equal(503, details.Status);
            Assert.Equal("unhealthy", queues.GetProperty("status").GetString());
            Assert.Contains("statement-jobs-poison", queues.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await poison.CreateIfNotExistsAsync();
        }
    }

    [Fact]
    public async Task Health_ABurstOfProbes_CostsOneRoundOfChecks()
    {
        SetClock("2026-03-10T12:03:00Z");
        await PutWorldRatesAsync();
        using var rounds = new HealthRounds(App.Services);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => HealthAsync()));
        App.Time.Advance(HealthReportCache.Window);
        var afterTheWindow = await HealthAsync();

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.Equal(200, afterTheWindow.Status);
        Assert.Equal(2, rounds.Count);
    }
}
