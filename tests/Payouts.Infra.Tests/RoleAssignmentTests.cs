using Payouts.Infra.Tests.Infrastructure;

namespace Payouts.Infra.Tests;

/// <summary>infra/modules/roleassignments.bicep as main.bicep uses it for the app's identity: exactly the data roles it needs.</summary>
[Collection(InfraCollection.Name)]
public sealed class RoleAssignmentTests(RenderedInfra infra)
{
    private const string AppRoles = "app-role-assignments";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0a4e6";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public void AppIdentity_GetsTheStorageDataRolesOnTheAccount()
    {
        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor }.Order(StringComparer.Ordinal),
            RoleIds("storageRoleDefinitionIds"));
        Assert.Equal("[module('storage').outputs.name.value]", infra.MainParameter(AppRoles, "storageAccountName"));
    }

    [Fact]
    public void AppIdentity_GetsSecretsUserOnTheVault()
    {
        Assert.Equal([KeyVaultSecretsUser], RoleIds("keyVaultRoleDefinitionIds"));
        Assert.Equal("[module('keyvault').outputs.name.value]", infra.MainParameter(AppRoles, "keyVaultName"));
    }

    [Fact]
    public void AppIdentity_GetsMetricsPublisherOnApplicationInsights()
    {
        Assert.Equal([MonitoringMetricsPublisher], RoleIds("applicationInsightsRoleDefinitionIds"));
        Assert.Equal("[module('monitoring').outputs.applicationInsightsName.value]", infra.MainParameter(AppRoles, "applicationInsightsName"));
    }

    [Fact]
    public void AppRoles_AreGivenToTheAppsIdentity()
    {
        Assert.Equal("[module('identity').outputs.principalId.value]", infra.MainParameter(AppRoles, "principalId"));
        Assert.Equal("ServicePrincipal", infra.MainParameter(AppRoles, "principalType"));
        Assert.Null(infra.Main.Module(AppRoles)["condition"]);
    }

    [Theory]
    [InlineData("storageRoleDefinitionIds", "storageAccountName", "Microsoft.Storage/storageAccounts")]
    [InlineData("keyVaultRoleDefinitionIds", "keyVaultName", "Microsoft.KeyVault/vaults")]
    [InlineData("applicationInsightsRoleDefinitionIds", "applicationInsightsName", "Microsoft.Insights/components")]
    public void Module_AssignsEachRoleOnItsScopeWithADeterministicName(string roleList, string scopeName, string scopeType)
    {
        var module = infra.Main.ModuleTemplate(AppRoles);

        var assignment = Assert.Single(module.ResourcesOfType("Microsoft.Authorization/roleAssignments"), r => (string?)r["copy"]?["count"] == $"[length(parameters('{roleList}'))]");

        var scopeId = $"resourceId('{scopeType}', parameters('{scopeName}'))";
        Assert.Equal($"[{scopeId}]", (string?)assignment["scope"]);
        Assert.Equal($"[guid({scopeId}, parameters('principalId'), parameters('{roleList}')[copyIndex()])]", (string?)assignment["name"]);
        Assert.Equal(
            $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', parameters('{roleList}')[copyIndex()])]",
            (string?)assignment["properties"]!["roleDefinitionId"]);
        Assert.Equal("[parameters('principalId')]", (string?)assignment["properties"]!["principalId"]);
    }

    private List<string> RoleIds(string parameter) =>
        infra.Main.ModuleParameter(AppRoles, parameter)!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal).ToList();
}
