using Microsoft.Extensions.Configuration;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Functions.Hosting;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Tests.Security;

/// <summary>The sample settings run locally and nowhere else.</summary>
public sealed class StartupSafetyValidatorTests
{
    [Fact]
    public void SampleSettings_OutsideDevelopment_AreRefusedNamingEachSampleSecretAndTheEgressRelaxation()
    {
        var result = new StartupSafetyValidator(new TestEnvironment("Production")).Validate(null, SampleOptions());

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Payouts:SenderHashKey", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Payouts:PayoutDetailsKey", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Payouts:Partners:demo-partner", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Payouts:Webhooks:nova", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Payouts:WebhookEgress", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.Contains("Production", f, StringComparison.Ordinal));
    }

    [Fact]
    public void SampleSettings_WithNoKnownEnvironment_AreRefused() =>
        Assert.True(new StartupSafetyValidator().Validate(null, SampleOptions()).Failed);

    [Fact]
    public void SampleSettings_InDevelopment_Start() =>
        Assert.True(new StartupSafetyValidator(new TestEnvironment("Development")).Validate(null, SampleOptions()).Succeeded);

    [Fact]
    public void RealSecrets_InProduction_Start()
    {
        var options = new PayoutsOptions { SenderHashKey = Convert.ToBase64String(new byte[32]), PayoutDetailsKey = Convert.ToBase64String(new byte[32]) };
        options.Partners["tiklive"] = new PartnerOptions { Secrets = ["3f9c2a7d41e8b6c05d9e8f7a6b5c4d3e2f1a0b9c"] };

        Assert.True(new StartupSafetyValidator(new TestEnvironment("Production")).Validate(null, options).Succeeded);
    }

    [Fact]
    public void SamplePayoutDetailsKey_IsThirtyTwoBytesThatSayLocalDevOnly()
    {
        var options = SampleOptions();

        Assert.True(PayoutsOptionsValidator.IsPayoutDetailsKey(options.PayoutDetailsKey));
        Assert.Contains(StartupSafetyValidator.SampleMarker, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(options.PayoutDetailsKey)), StringComparison.Ordinal);
        Assert.True(new PayoutsOptionsValidator().Validate(null, options).Succeeded);
    }

    /// <summary>local.settings.sample.json's values, bound the way the host binds them.</summary>
    private static PayoutsOptions SampleOptions()
    {
        var path = Path.Combine(RepositoryRoot(), "local.settings.sample.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var values = document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
        var options = new PayoutsOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(PayoutsOptions.Section).Bind(options);
        return options;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Payouts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Payouts.sln not found above the test's folder.");
    }
}
