using Payouts.Infra.Tests.Infrastructure;

namespace Payouts.Infra.Tests;

/// <summary>infra/modules/monitoring.bicep: workspace-based Application Insights that only accepts Entra-authenticated telemetry.</summary>
[Collection(InfraCollection.Name)]
public sealed class MonitoringTests(RenderedInfra infra)
{
    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabled()
    {
        Assert.True((bool)infra.ApplicationInsights["properties"]!["DisableLocalAuth"]!);
    }

    [Fact]
    public void ApplicationInsights_IsWorkspaceBased()
    {
        var properties = infra.ApplicationInsights["properties"]!;

        Assert.Equal("LogAnalytics", (string?)properties["IngestionMode"]);
        Assert.Equal("[resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName'))]", (string?)properties["WorkspaceResourceId"]);
    }

    [Fact]
    public void LogAnalytics_LocalAuth_IsDisabled()
    {
        Assert.True((bool)infra.LogAnalytics["properties"]!["features"]!["disableLocalAuth"]!);
    }
}
