using Payouts.Infra.Tests.Infrastructure;

namespace Payouts.Infra.Tests;

/// <summary>infra/modules/functionapp.bicep: Flex Consumption, .NET 10 isolated, running as the user-assigned identity.</summary>
[Collection(InfraCollection.Name)]
public sealed class FunctionAppTests(RenderedInfra infra)
{
    [Fact]
    public void Plan_IsFlexConsumptionFc1()
    {
        Assert.Equal("FC1", (string?)infra.Plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)infra.Plan["sku"]!["tier"]);
        Assert.True((bool)infra.Plan["properties"]!["reserved"]!);
    }

    [Fact]
    public void Runtime_IsDotnetIsolated10()
    {
        var runtime = infra.Site["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal("functionapp,linux", (string?)infra.Site["kind"]);
    }

    [Fact]
    public void Scale_InstanceMemoryAndMaximumInstances_AreParameters()
    {
        var scale = infra.Site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale["maximumInstanceCount"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", infra.MainParameter("functionapp", "instanceMemoryMB"));
        Assert.Equal("[parameters('maximumInstanceCount')]", infra.MainParameter("functionapp", "maximumInstanceCount"));
    }

    [Fact]
    public void Identity_IsOnlyTheUserAssignedIdentity()
    {
        var identity = infra.Site["identity"]!;

        Assert.Equal("UserAssigned", (string?)identity["type"]);
        var assigned = Assert.Single(identity["userAssignedIdentities"]!.AsObject());
        Assert.Equal("[format('{0}', parameters('identityResourceId'))]", assigned.Key);
        Assert.Equal("[module('identity').outputs.resourceId.value]", infra.MainParameter("functionapp", "identityResourceId"));
        Assert.Equal("[module('identity').outputs.clientId.value]", infra.MainParameter("functionapp", "identityClientId"));
    }

    [Fact]
    public void KeyVaultReferencesAndDeployment_UseTheUserAssignedIdentity()
    {
        var properties = infra.Site["properties"]!;
        var authentication = properties["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;

        Assert.Equal("[parameters('identityResourceId')]", (string?)properties["keyVaultReferenceIdentity"]);
        Assert.Equal("UserAssignedIdentity", (string?)authentication["type"]);
        Assert.Equal("[parameters('identityResourceId')]", (string?)authentication["userAssignedIdentityResourceId"]);
        Assert.Equal("blobContainer", (string?)properties["functionAppConfig"]!["deployment"]!["storage"]!["type"]);
    }

    [Fact]
    public void Site_IsHttpsOnlyWithoutBasicAuthPublishing()
    {
        Assert.True((bool)infra.Site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)infra.Site["properties"]!["siteConfig"]!["minTlsVersion"]);
        var policies = infra.FunctionApp.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Site_HealthCheckPath_IsTheHealthRoute()
    {
        Assert.Equal("/api/health", (string?)infra.Site["properties"]!["siteConfig"]!["healthCheckPath"]);
    }

    [Fact]
    public void Site_IsTaggedAsTheAzdApiService()
    {
        Assert.Contains("createObject('azd-service-name', parameters('serviceName'))", (string?)infra.Site["tags"], StringComparison.Ordinal);
        Assert.Equal("api", infra.MainParameter("functionapp", "serviceName"));
    }

    [Fact]
    public void Site_IsDeployedAfterItsRoleAssignments()
    {
        Assert.Contains("app-role-assignments", infra.Main.ModuleDependencies("functionapp"));
    }
}
