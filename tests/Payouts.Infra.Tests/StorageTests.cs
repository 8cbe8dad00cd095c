using System.Text.Json.Nodes;
using Payouts.Infra.Tests.Infrastructure;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Infra.Tests;

/// <summary>infra/modules/storage.bicep and the names main.bicep gives it.</summary>
[Collection(InfraCollection.Name)]
public sealed class StorageTests(RenderedInfra infra)
{
    [Fact]
    public void Account_SharedKeyAccess_IsDisabled()
    {
        var properties = infra.StorageAccount["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
    }

    [Fact]
    public void Account_Transport_IsHttpsWithTls12()
    {
        var properties = infra.StorageAccount["properties"]!;

        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void Account_PublicBlobAccess_IsDisabled()
    {
        Assert.False((bool)infra.StorageAccount["properties"]!["allowBlobPublicAccess"]!);
        var containers = infra.Main.ModuleTemplate("storage").ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
    }

    [Fact]
    public void Tables_AreExactlyTheOnesTheCodeUses()
    {
        var tables = Names(infra.Main.ModuleParameter("storage", "tableNames"));

        Assert.Equal(TableNames.All.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Queues_AreTheOnesTheCodeUsesWithTheirPoisonQueues()
    {
        var expected = QueueNames.All.SelectMany(q => new[] { q, QueueNames.PoisonOf(q) });

        var queues = Names(infra.Main.ModuleParameter("storage", "queueNames"));

        Assert.Equal(expected.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Containers_IncludeStatementsAndTheDeploymentPackage()
    {
        var containers = infra.Main.ModuleParameter("storage", "containerNames")!.AsArray().Select(c => infra.Main.Resolve(c)!.ToString()).ToList();

        Assert.Contains(StatementDocuments.Container, containers);
        var deployment = (string?)infra.Site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["value"];
        Assert.Equal("[format('{0}{1}', parameters('storageBlobEndpoint'), parameters('deploymentContainerName'))]", deployment);
        Assert.Contains(infra.MainParameter("functionapp", "deploymentContainerName"), containers);
    }

    [Fact]
    public void BlobService_Versioning_IsEnabled()
    {
        var blobService = Module.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices").Single();

        Assert.True((bool)blobService["properties"]!["isVersioningEnabled"]!);
    }

    [Fact]
    public void ImmutableContainer_IsTheStatementsContainer()
    {
        Assert.Equal(StatementDocuments.Container, infra.Main.Resolve(infra.Main.ModuleParameter("storage", "immutableContainerName"))!.ToString());
    }

    [Fact]
    public void ImmutableContainer_HasAContainerLevelTimeBasedRetentionPolicy()
    {
        var policy = RetentionPolicy;

        Assert.EndsWith("parameters('containerNames')[copyIndex()], 'default')]", (string?)policy["name"], StringComparison.Ordinal);
        Assert.StartsWith("[and(equals(parameters('containerNames')[copyIndex()], parameters('immutableContainerName')), ", (string?)policy["condition"], StringComparison.Ordinal);
        Assert.Equal("[parameters('immutabilityPeriodInDays')]", (string?)policy["properties"]!["immutabilityPeriodSinceCreationInDays"]);
    }

    [Fact]
    public void RetentionPolicy_AllowsNoAppendsToProtectedBlobs()
    {
        Assert.False((bool)RetentionPolicy["properties"]!["allowProtectedAppendWrites"]!);
    }

    [Fact]
    public void StatementsRetention_IsAParameterOfTenYearsByDefault()
    {
        Assert.Equal("[parameters('statementsRetentionDays')]", infra.MainParameter("storage", "immutabilityPeriodInDays"));
        Assert.Equal(3650, (int)infra.Main.Parameters["statementsRetentionDays"]!["defaultValue"]!);
    }

    [Fact]
    public void RetentionPolicy_IsLeftAloneOnceLocked()
    {
        Assert.EndsWith("not(parameters('immutabilityPolicyLocked')))]", (string?)RetentionPolicy["condition"], StringComparison.Ordinal);
        Assert.Equal("[parameters('statementsRetentionLocked')]", infra.MainParameter("storage", "immutabilityPolicyLocked"));
        Assert.False((bool)infra.Main.Parameters["statementsRetentionLocked"]!["defaultValue"]!);
    }

    [Fact]
    public void PreviousVersions_ExpireEverywhereButTheImmutableContainer()
    {
        var rule = Assert.Single(Module.ResourcesOfType("Microsoft.Storage/storageAccounts/managementPolicies").Single()["properties"]!["policy"]!["rules"]!.AsArray())!;

        Assert.Equal("[parameters('deleteRetentionDays')]", (string?)rule["definition"]!["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]);
        var prefixes = (string?)rule["definition"]!["filters"]!["prefixMatch"];
        Assert.Contains("filter(parameters('containerNames'), lambda('c', not(equals(lambdaVariables('c'), parameters('immutableContainerName')))))", prefixes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", "tableNames")]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices/queues", "queueNames")]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers", "containerNames")]
    public void Module_CreatesOneResourcePerNameGiven(string type, string parameter)
    {
        var resource = infra.Main.ModuleTemplate("storage").ResourcesOfType(type).Single();

        Assert.Equal($"[length(parameters('{parameter}'))]", (string?)resource["copy"]!["count"]);
        Assert.EndsWith($"parameters('{parameter}')[copyIndex()])]", (string?)resource["name"], StringComparison.Ordinal);
    }

    private ArmTemplate Module => infra.Main.ModuleTemplate("storage");

    private JsonObject RetentionPolicy => Module.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies").Single();

    private static List<string> Names(JsonNode? value) =>
        value?.AsArray().Select(n => (string)n!).ToList() ?? throw new InvalidOperationException("Expected a literal list of names.");
}
