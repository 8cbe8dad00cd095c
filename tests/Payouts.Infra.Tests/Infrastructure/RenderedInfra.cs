using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Payouts.Infra.Tests.Infrastructure;

/// <summary>infra/main.bicep rendered to ARM JSON once per test run, with shortcuts to the parts the tests inspect.</summary>
public sealed partial class RenderedInfra
{
    public const string MainBicep = "infra/main.bicep";

    public RenderedInfra()
    {
        Output = BicepCli.Build(MainBicep);
        if (Output.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {MainBicep} failed ({Output.ExitCode}):\n{Output.StandardError}");
        }

        Main = ArmTemplate.Parse(Output.StandardOutput);
        FunctionApp = Main.ModuleTemplate("functionapp");
        (StaticSettings, DynamicSettings) = ReadAppSettings();
    }

    public BicepOutput Output { get; }

    public ArmTemplate Main { get; }

    public ArmTemplate FunctionApp { get; }

    /// <summary>App settings whose names are known at compile time: name → value (a literal or an ARM expression).</summary>
    public IReadOnlyDictionary<string, string> StaticSettings { get; }

    /// <summary>App settings built per partner or agency: the ARM expressions that build them.</summary>
    public IReadOnlyList<string> DynamicSettings { get; }

    /// <summary>What main.bicep passes to a module parameter, module references spelled <c>module('name')</c>.</summary>
    public string MainParameter(string deploymentName, string parameter) => Main.Canonical(Main.ModuleParameter(deploymentName, parameter));

    public JsonObject Site => FunctionApp.ResourcesOfType("Microsoft.Web/sites").Single();

    public JsonObject Plan => FunctionApp.ResourcesOfType("Microsoft.Web/serverfarms").Single();

    public JsonObject StorageAccount => Main.ModuleTemplate("storage").ResourcesOfType("Microsoft.Storage/storageAccounts").Single();

    public JsonObject KeyVault => Main.ModuleTemplate("keyvault").ResourcesOfType("Microsoft.KeyVault/vaults").Single();

    public JsonObject ApplicationInsights => Main.ModuleTemplate("monitoring").ResourcesOfType("Microsoft.Insights/components").Single();

    public JsonObject LogAnalytics => Main.ModuleTemplate("monitoring").ResourcesOfType("Microsoft.OperationalInsights/workspaces").Single();

    public JsonObject VirtualNetwork => Main.ModuleTemplate("network").ResourcesOfType("Microsoft.Network/virtualNetworks").Single();

    /// <summary>The subnet the Function App integrates with (declared inline in the VNet).</summary>
    public JsonObject AppSubnet => VirtualNetwork["properties"]!["subnets"]!.AsArray().Single()!.AsObject();

    /// <summary>The <c>authsettingsV2</c> config of the Function App (App Service authentication).</summary>
    public JsonObject AuthSettings =>
        FunctionApp.ResourcesOfType("Microsoft.Web/sites/config").Single(c => ((string?)c["name"])!.Contains("'authsettingsV2'", StringComparison.Ordinal));

    /// <summary>
    /// The diagnostic setting a module deploys on one of its resources: scope <c>[resourceId('type', …)]</c>, logs and
    /// metrics with variables resolved.
    /// </summary>
    public JsonObject DiagnosticSetting(string deploymentName, string scopeType)
    {
        var template = Main.ModuleTemplate(deploymentName);
        var setting = template.ResourcesOfType("Microsoft.Insights/diagnosticSettings")
            .Single(d => ((string?)d["scope"])!.StartsWith($"[resourceId('{scopeType}', ", StringComparison.Ordinal));
        var properties = setting["properties"]!.AsObject();
        var resolved = new JsonObject
        {
            ["workspaceId"] = properties["workspaceId"]?.DeepClone(),
            ["logAnalyticsDestinationType"] = properties["logAnalyticsDestinationType"]?.DeepClone(),
            ["logs"] = template.Resolve(properties["logs"])?.DeepClone(),
            ["metrics"] = template.Resolve(properties["metrics"])?.DeepClone(),
        };
        return resolved;
    }

    /// <summary>The app settings resource is <c>union(variables('a'), …, parameters('appSettings'))</c>: expand each part.</summary>
    private (Dictionary<string, string> Static, List<string> Dynamic) ReadAppSettings()
    {
        var config = FunctionApp.ResourcesOfType("Microsoft.Web/sites/config").Single(c => ((string?)c["name"])!.Contains("'appsettings'", StringComparison.Ordinal));
        var expression = (string?)config["properties"] ?? throw new InvalidOperationException("App settings are expected as a union of variables and parameters.");
        var statics = new Dictionary<string, string>(StringComparer.Ordinal);
        var dynamics = new List<string>();
        foreach (Match part in SettingsPart().Matches(expression))
        {
            var value = part.Groups[1].Value == "variables"
                ? FunctionApp.Variables[part.Groups[2].Value]
                : Main.ModuleParameter("functionapp", part.Groups[2].Value);
            switch (value)
            {
                case JsonObject settings:
                    foreach (var (name, setting) in settings)
                    {
                        statics.Add(name, setting!.ToString());
                    }

                    break;
                case JsonValue built when built.TryGetValue<string>(out var text):
                    dynamics.Add(text);
                    break;
                default:
                    throw new InvalidOperationException($"Cannot read app settings part {part.Value}.");
            }
        }

        return (statics, dynamics);
    }

    [GeneratedRegex(@"(variables|parameters)\('([^']+)'\)")]
    private static partial Regex SettingsPart();
}
