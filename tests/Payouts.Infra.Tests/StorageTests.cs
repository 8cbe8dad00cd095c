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

    private static List<string> Names(JsonNode? value) =>
        value?.AsArray().Select(n => (string)n!).ToList() ?? throw new InvalidOperationException("Expected a literal list of names.");
}
