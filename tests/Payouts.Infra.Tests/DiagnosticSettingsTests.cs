using System.Text.Json.Nodes;
using Payouts.Infra.Tests.Infrastructure;

namespace Payouts.Infra.Tests;

/// <summary>Diagnostic settings: storage, Key Vault and the Function App send their audit logs and metrics to the workspace.</summary>
[Collection(InfraCollection.Name)]
public sealed class DiagnosticSettingsTests(RenderedInfra infra)
{
    public static TheoryData<string> StorageServices => new()
    {
        "Microsoft.Storage/storageAccounts/blobServices",
        "Microsoft.Storage/storageAccounts/tableServices",
        "Microsoft.Storage/storageAccounts/queueServices",
    };

    [Theory]
    [MemberData(nameof(StorageServices))]
    public void StorageService_LogsReadsWritesAndDeletesWithTransactionMetrics(string service)
    {
        var setting = infra.DiagnosticSetting("storage", service);

        Assert.Equal(["StorageDelete", "StorageRead", "StorageWrite"], Names(setting["logs"], "category"));
        Assert.Equal(["Transaction"], Names(setting["metrics"], "category"));
    }

    [Theory]
    [MemberData(nameof(StorageServices))]
    public void StorageService_AlwaysLogsWritesAndDeletes(string service)
    {
        var logs = infra.DiagnosticSetting("storage", service)["logs"]!.AsArray();

        Assert.All(logs.Where(l => (string?)l!["category"] != "StorageRead"), l => Assert.True((bool)l!["enabled"]!));
    }

    [Fact]
    public void StorageReadLogs_AreOnUnlessTurnedOff()
    {
        var read = infra.DiagnosticSetting("storage", "Microsoft.Storage/storageAccounts/blobServices")["logs"]!.AsArray()
            .Single(l => (string?)l!["category"] == "StorageRead")!;

        Assert.Equal("[parameters('logReads')]", (string?)read["enabled"]);
        Assert.Equal("[parameters('storageReadLogs')]", infra.MainParameter("storage", "logReads"));
        Assert.True((bool)infra.Main.Parameters["storageReadLogs"]!["defaultValue"]!);
    }

    [Fact]
    public void Vault_SendsItsAuditLogAndAllMetricsToResourceSpecificTables()
    {
        var setting = infra.DiagnosticSetting("keyvault", "Microsoft.KeyVault/vaults");

        Assert.Equal(["audit"], Names(setting["logs"], "categoryGroup"));
        Assert.Equal(["AllMetrics"], Names(setting["metrics"], "category"));
        Assert.Equal("Dedicated", (string?)setting["logAnalyticsDestinationType"]);
    }

    [Fact]
    public void FunctionApp_SendsFunctionAppLogsAndAllMetrics()
    {
        var setting = infra.DiagnosticSetting("functionapp", "Microsoft.Web/sites");

        Assert.Equal(["FunctionAppLogs"], Names(setting["logs"], "category"));
        Assert.Equal(["AllMetrics"], Names(setting["metrics"], "category"));
    }

    [Theory]
    [InlineData("storage", "Microsoft.Storage/storageAccounts/blobServices")]
    [InlineData("storage", "Microsoft.Storage/storageAccounts/tableServices")]
    [InlineData("storage", "Microsoft.Storage/storageAccounts/queueServices")]
    [InlineData("keyvault", "Microsoft.KeyVault/vaults")]
    [InlineData("functionapp", "Microsoft.Web/sites")]
    public void Destination_IsTheMonitoringWorkspace(string module, string scopeType)
    {
        Assert.Equal("[parameters('logAnalyticsWorkspaceId')]", (string?)infra.DiagnosticSetting(module, scopeType)["workspaceId"]);
        Assert.Equal("[module('monitoring').outputs.logAnalyticsResourceId.value]", infra.MainParameter(module, "logAnalyticsWorkspaceId"));
    }

    private static List<string> Names(JsonNode? entries, string key) =>
        entries!.AsArray().Select(e => (string)e![key]!).Order(StringComparer.Ordinal).ToList();
}
