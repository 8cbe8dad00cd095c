using System.Text.Json.Nodes;
using Payouts.Infra.Tests.Infrastructure;

namespace Payouts.Infra.Tests;

/// <summary>
/// infra/modules/network.bicep and the firewalls of storage and Key Vault: the app's outbound traffic leaves through
/// one subnet, which is the only network (besides listed deployer addresses) either service admits.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class NetworkTests(RenderedInfra infra)
{
    public static TheoryData<string, string> Firewalls => new()
    {
        { "storage", "Microsoft.Storage/storageAccounts" },
        { "keyvault", "Microsoft.KeyVault/vaults" },
    };

    [Fact]
    public void AppSubnet_IsDelegatedToFlexConsumption()
    {
        var delegation = Assert.Single(infra.AppSubnet["properties"]!["delegations"]!.AsArray());

        Assert.Equal("Microsoft.App/environments", (string?)delegation!["properties"]!["serviceName"]);
    }

    [Fact]
    public void AppSubnet_HasStorageAndKeyVaultServiceEndpoints()
    {
        var services = infra.AppSubnet["properties"]!["serviceEndpoints"]!.AsArray().Select(e => (string?)e!["service"]).ToList();

        Assert.Equal(["Microsoft.KeyVault", "Microsoft.Storage"], services.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Site_IsIntegratedWithTheAppSubnet()
    {
        Assert.Equal("[parameters('virtualNetworkSubnetId')]", (string?)infra.Site["properties"]!["virtualNetworkSubnetId"]);
        Assert.Equal("[module('network').outputs.appSubnetId.value]", infra.MainParameter("functionapp", "virtualNetworkSubnetId"));
    }

    [Fact]
    public void Site_RoutesAllOutboundTrafficThroughTheSubnet()
    {
        Assert.True((bool)infra.Site["properties"]!["vnetRouteAllEnabled"]!);
    }

    [Theory]
    [MemberData(nameof(Firewalls))]
    public void Firewall_DeniesByDefaultAndLetsTrustedServicesThrough(string module, string type)
    {
        var acls = NetworkAcls(module, type);

        Assert.Equal("Deny", (string?)acls["defaultAction"]);
        Assert.Equal("AzureServices", (string?)acls["bypass"]);
    }

    [Theory]
    [MemberData(nameof(Firewalls))]
    public void Firewall_AdmitsTheAppSubnet(string module, string type)
    {
        var rule = Assert.Single(NetworkAcls(module, type)["virtualNetworkRules"]!.AsArray());

        Assert.Equal("[parameters('allowedSubnetId')]", (string?)rule!["id"]);
        Assert.Equal("[module('network').outputs.appSubnetId.value]", infra.MainParameter(module, "allowedSubnetId"));
    }

    [Theory]
    [MemberData(nameof(Firewalls))]
    public void Firewall_AdmitsEachDeployerIpAddress(string module, string type)
    {
        Assert.Equal("[parameters('deployerIpAddresses')]", infra.MainParameter(module, "allowedIpAddresses"));

        var rules = ArmTemplate.ExpandPropertyLoop(
            NetworkAcls(module, type),
            "ipRules",
            new Dictionary<string, JsonArray> { ["allowedIpAddresses"] = ["203.0.113.7", "198.51.100.0/24"] });

        Assert.Equal(["203.0.113.7", "198.51.100.0/24"], rules.Select(r => (string?)r!["value"]));
    }

    [Fact]
    public void DeployerIpAddresses_DefaultToNone()
    {
        var parameter = infra.Main.Parameters["deployerIpAddresses"]!;

        Assert.Equal("array", (string?)parameter["type"]);
        Assert.Empty(parameter["defaultValue"]!.AsArray());
    }

    private JsonObject NetworkAcls(string module, string type) =>
        infra.Main.ModuleTemplate(module).ResourcesOfType(type).Single()["properties"]!["networkAcls"]!.AsObject();
}
