using Payouts.DevHost.Demo;
using Payouts.DevHost.Hosting;

namespace Payouts.DevHost.Tests;

/// <summary>
/// The README's demo, smaller: it must run start to finish through HTTP, queues, the close timer, the statement jobs and
/// the webhooks, and every statement must equal the demo's own arithmetic, lea's the DOMAIN.md §5 worked example; each
/// agency gets its statement, reconciled with its creators'.
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
        Assert.Equal(16 + 6, result.Files.Count);
        Assert.All(result.Files, f => Assert.True(new FileInfo(f).Length > 0, f));
        Assert.All(result.Files.Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)), f => Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(f)[..5]));
        Assert.Equal(["payout-batch.csv", "payout-batch.json", "payout-batch.xml"], result.PayoutBatchFiles.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var batch = File.ReadAllText(result.PayoutBatchFiles.Single(f => f.EndsWith(".csv", StringComparison.Ordinal)));
        Assert.Contains($"{lea.StatementId},lea,EUR,490.87,sepa,", batch, StringComparison.Ordinal);
        Assert.Contains("<EndToEndId>" + lea.StatementId + "</EndToEndId>", File.ReadAllText(result.PayoutBatchFiles.Single(f => f.EndsWith(".xml", StringComparison.Ordinal))), StringComparison.Ordinal);
        Assert.Contains("Payout batch ", output.ToString(), StringComparison.Ordinal);

        // One agency statement each for nova (lea, zoe) and stellar (max); ines has no agency. Each reconciles with
        // the creators' statements: its commission is minus theirs.
        Assert.Equal(["nova", "stellar"], result.AgencyStatements.Select(a => a.AgencyId));
        Assert.Equal(["lea", "zoe"], result.AgencyStatements[0].Creators);
        Assert.Equal(["max"], result.AgencyStatements[1].Creators);
        foreach (var agency in result.AgencyStatements)
        {
            var total = Assert.Single(agency.Totals);
            Assert.Equal(-result.Statements.Where(s => agency.Creators.Contains(s.CreatorId)).Sum(s => s.AgencyCommission), total.Total);
            Assert.Equal(total.Total, total.Gifts + total.Deals + total.Bonuses + total.PriorPeriodAdjustments);
        }

        Assert.Equal(result.Expectations.Count(e => e.CreatorId != "ines") + result.AgencyStatements.Count, result.WebhookDeliveries);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
