using Azure.Storage.Queues;
using Payouts.Functions.Health;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

[Collection(StatementsCollection.Name)]
public sealed class HealthTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task Health_StorageQueuesAndRatesInPlace_Is200()
    {
        SetClock("2026-03-10T12:00:00Z");
        await PutWorldRatesAsync();

        var response = await HealthAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal("healthy", response.Body.GetProperty("status").GetString());
        Assert.Equal("2026-03", response.Body.GetProperty("period").GetString());
    }

    [Fact]
    public async Task Health_APoisonQueueMissing_Is503NamingIt()
    {
        SetClock("2026-03-10T12:00:00Z");
        await PutWorldRatesAsync();
        var poison = new QueueClient(App.ConnectionString, QueueNames.PoisonOf(QueueNames.StatementJobs));
        await poison.DeleteAsync();
        try
        {
            var response = await HealthAsync();

            Assert.Equal(503, response.Status);
            var queues = response.Body.GetProperty("checks").GetProperty("queues");
            Assert.Equal("unhealthy", queues.GetProperty("status").GetString());
            Assert.Contains("statement-jobs-poison", queues.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("healthy", response.Body.GetProperty("checks").GetProperty("rates").GetProperty("status").GetString());
        }
        finally
        {
            await poison.CreateIfNotExistsAsync();
        }
    }

    private async Task<HttpCall.Response> HealthAsync()
    {
        var request = HttpCall.Get();
        return await HttpCall.ExecuteAsync(request, await Function<HealthHttp>().Run(request, CancellationToken.None));
    }
}
