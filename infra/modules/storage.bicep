metadata name = 'Storage account'
metadata description = 'The data account (tables, queues, statement blobs) and the Flex Consumption deployment container. Shared-key access is disabled: every client authenticates with Microsoft Entra ID. Reachable only from the app\'s subnet (and listed deployer addresses); read, write and delete logs go to Log Analytics.'

@description('Required. Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Location of the account.')
param location string = resourceGroup().location

@description('Optional. Tags of the account.')
param tags object = {}

@description('Optional. Redundancy of the account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string = 'Standard_LRS'

@description('Required. Tables to create.')
param tableNames string[]

@description('Required. Queues to create (including the `-poison` queues the Functions host moves failed messages to).')
param queueNames string[]

@description('Required. Blob containers to create (private).')
param containerNames string[]

@description('Optional. Days deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

@description('Required. Resource id of the subnet allowed through the firewall (the Function App\'s; it has the Microsoft.Storage service endpoint).')
param allowedSubnetId string

@description('Optional. Public IPv4 addresses or CIDR ranges allowed through the firewall besides the subnet (operators, deployment machines). Storage takes no /31 or /32: give a single address without a prefix.')
param allowedIpAddresses string[] = []

@description('Required. Resource id of the Log Analytics workspace the blob, table and queue services send their logs and metrics to.')
param logAnalyticsWorkspaceId string

@description('Optional. Whether read operations are logged too. Reads are most of the volume (every queue poll, every table query); writes and deletes, the audit trail, are always logged.')
param logReads bool = true

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Enabled, because the firewall below is what filters: the subnet's service endpoint and the IP rules are evaluated
    // on the public endpoint. 'Disabled' would leave only private endpoints, which this design does not use.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Trusted Azure services (Azure Monitor, Backup, ...) keep access. The Function App is not one of them: it gets in
      // through its subnet, for everything alike (host storage, queues, tables, statements, the Flex deployment container).
      bypass: 'AzureServices'
      defaultAction: 'Deny'
      virtualNetworkRules: [
        {
          id: allowedSubnetId
          action: 'Allow'
        }
      ]
      ipRules: [
        for ip in allowedIpAddresses: {
          value: ip
          action: 'Allow'
        }
      ]
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        // Tables and queues hold the money records: encrypt them with the account key too (the default is the service key).
        table: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
      }
    }

    resource containers 'containers' = [
      for container in containerNames: {
        name: container
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [
      for table in tableNames: {
        name: table
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [
      for queue in queueNames: {
        name: queue
      }
    ]
  }
}

// Data-plane audit: who read, wrote or deleted what (StorageBlobLogs, StorageTableLogs, StorageQueueLogs) and the
// Transaction metrics, per service.
var serviceLogs = [
  {
    category: 'StorageRead'
    enabled: logReads
  }
  {
    category: 'StorageWrite'
    enabled: true
  }
  {
    category: 'StorageDelete'
    enabled: true
  }
]

var serviceMetrics = [
  {
    category: 'Transaction'
    enabled: true
  }
]

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: account::blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: serviceLogs
    metrics: serviceMetrics
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: account::tableService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: serviceLogs
    metrics: serviceMetrics
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: account::queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: serviceLogs
    metrics: serviceMetrics
  }
}

@description('The name of the account.')
output name string = account.name

@description('The resource id of the account.')
output resourceId string = account.id

@description('The blob service endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('The queue service endpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('The table service endpoint.')
output tableEndpoint string = account.properties.primaryEndpoints.table
