metadata name = 'Log Analytics workspace and Application Insights'
metadata description = 'Workspace-based Application Insights with local (instrumentation key) authentication disabled: telemetry is accepted only with a Microsoft Entra token.'

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Optional. Location of both resources.')
param location string = resourceGroup().location

@description('Optional. Tags of both resources.')
param tags object = {}

@description('Optional. Days the workspace keeps data (30 is included in the ingestion price).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Optional. Daily ingestion cap of the workspace in GB; -1 means no cap.')
param dailyQuotaGb int = -1

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

@description('The name of the Application Insights component.')
output applicationInsightsName string = applicationInsights.name

@description('The resource id of the Application Insights component.')
output applicationInsightsResourceId string = applicationInsights.id

@description('The connection string of the Application Insights component (endpoints, not a credential: local auth is off).')
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString

@description('The name of the Log Analytics workspace.')
output logAnalyticsName string = workspace.name

@description('The resource id of the Log Analytics workspace.')
output logAnalyticsResourceId string = workspace.id
