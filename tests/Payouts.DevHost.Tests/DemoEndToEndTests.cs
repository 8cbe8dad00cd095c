using Payouts.DevHost.Demo;
using Payouts.DevHost.Hosting;

namespace Payouts.DevHost.Tests;

/// <summary>
/// The README's demo, smaller: it must run start to finish through HTTP, queues, the close timer, the statement jobs and
/// the webhooks, and every statement must equal the demo's own arithmetic, lea's the DOMAIN.md §5 worked example.
/// </summary>
public sealed class DemoEndToEndTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "payouts-demo-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Demo_ProducesTheExpectedStatementsDocumentsAndWebhooks()
    {
        var output = new StringWriter();
        var runner = new DemoRunner(new DemoOptions { Seed = 7, Creators = 4, Gifts = 80, OutDirectory = _out }, new DevHostOptions(), output);

        var exit = await runner.RunAsync(CancellationToken.None);

        Assert.True(exit == 0, output.ToString());
        var result = runner.Result!;
        Assert.Equal(4, result.Statements.Count);
        Assert.All(result.Expectations, e => Assert.True(result.Statements.Single(s => s.CreatorId == e.CreatorId).Matches(e), e.CreatorId));
        var lea = result.Statements.Single(s => s.CreatorId == "lea");
        Assert.Equal((71.99m, 500.00m, 9.20m, -90.32m, 490.87m, 490.87m), (lea.Gifts, lea.Deals, lea.Bonuses, lea.AgencyCommission, lea.Net, lea.Payable));
        Assert.Equal(16, result.Files.Count);
        Assert.All(result.Files, f => Assert.True(new FileInfo(f).Length > 0, f));
        Assert.All(result.Files.Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)), f => Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(f)[..5]));
        Assert.Equal(result.Expectations.Count(e => e.CreatorId != "ines"), result.WebhookDeliveries);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
