using System.Text.Json.Nodes;
using Payouts.Infra.Tests.Infrastructure;

namespace Payouts.Infra.Tests;

/// <summary>infra/main.bicep as azd uses it: builds cleanly, takes azd's parameters, returns what azd reads.</summary>
[Collection(InfraCollection.Name)]
public sealed class MainTemplateTests(RenderedInfra infra)
{
    [Fact]
    public void Build_ReportsNoDiagnostics()
    {
        Assert.Equal(0, infra.Output.ExitCode);
        Assert.Equal(string.Empty, infra.Output.StandardError.Trim());
    }

    [Theory]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("AZURE_KEY_VAULT_URI")]
    [InlineData("AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID")]
    [InlineData("APPLICATIONINSIGHTS_NAME")]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    public void Outputs_IncludeWhatAzdAndTheRunbookUse(string output)
    {
        Assert.True(infra.Main.Outputs.ContainsKey(output), $"main.bicep has no output {output}.");
    }

    [Fact]
    public void Outputs_HoldNoSecureValues()
    {
        Assert.All(infra.Main.Outputs, o => Assert.DoesNotContain("secure", (string?)o.Value!["type"] ?? string.Empty, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EveryTaggableModule_GetsTheAzdEnvironmentTag()
    {
        Assert.Equal("[parameters('environmentName')]", infra.Main.Variables["tags"]!["azd-env-name"]!.ToString());
        var tagged = infra.Main.ResourcesOfType("Microsoft.Resources/deployments")
            .Where(m => m["properties"]!["template"]!["parameters"]!.AsObject().ContainsKey("tags"))
            .ToList();

        Assert.Equal(6, tagged.Count);
        Assert.All(tagged, m => Assert.Equal("[variables('tags')]", (string?)m["properties"]!["parameters"]!["tags"]?["value"]));
    }

    [Fact]
    public void ParametersFile_SuppliesEveryRequiredParameterFromAzd()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra/main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(file, p => Assert.True(infra.Main.Parameters.ContainsKey(p.Key), $"main.parameters.json sets unknown parameter {p.Key}."));
        var required = infra.Main.Parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);
        Assert.All(required, name => Assert.True(file.ContainsKey(name), $"main.parameters.json misses required parameter {name}."));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProjectAsApi()
    {
        var yaml = File.ReadAllLines(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml")).Select(l => l.Trim()).ToList();

        Assert.Contains("api:", yaml);
        Assert.Contains("project: ./src/Payouts.Functions", yaml);
        Assert.Contains("language: dotnet", yaml);
        Assert.Contains("host: function", yaml);
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot, "src/Payouts.Functions/Payouts.Functions.csproj")));
    }
}
