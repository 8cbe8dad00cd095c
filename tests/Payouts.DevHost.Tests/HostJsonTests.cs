using Microsoft.Extensions.Configuration;
using Payouts.DevHost.Hosting;

namespace Payouts.DevHost.Tests;

public sealed class HostJsonTests
{
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    [Fact]
    public void Load_RepositoryHostJson_ReadsTheQueueSettings()
    {
        var host = HostJson.Load(HostJson.Find(), NoSettings);

        Assert.Equal("api", host.RoutePrefix);
        Assert.Equal(16, host.Queues.BatchSize);
        Assert.Equal(8, host.Queues.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), host.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), host.Queues.VisibilityTimeout);
        Assert.Equal(5, host.Queues.MaxDequeueCount);
        Assert.False(host.Queues.IsBase64);
    }

    [Fact]
    public void Load_AzureFunctionsJobHostSetting_OverridesTheFile()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:messageEncoding"] = "base64",
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "4",
        }).Build();

        var host = HostJson.Load(HostJson.Find(), settings);

        Assert.True(host.Queues.IsBase64);
        Assert.Equal(4, host.Queues.BatchSize);
    }

    [Fact]
    public void Load_NoFile_UsesTheFunctionsHostDefaults()
    {
        var host = HostJson.Load(null, NoSettings);

        Assert.True(host.Queues.IsBase64);
        Assert.Equal(16, host.Queues.BatchSize);
        Assert.Equal(8, host.Queues.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromMinutes(1), host.Queues.MaxPollingInterval);
    }
}
