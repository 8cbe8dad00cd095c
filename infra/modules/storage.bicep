metadata name = 'Storage account'
metadata description = 'The data account (tables, queues, statement blobs) and the Flex Consumption deployment container. Shared-key access is disabled: every client authenticates with Microsoft Entra ID. Reachable only from the app\'s subnet (and listed deployer addresses); blob versioning on, the statements container write-once; read, write and delete logs go to Log Analytics.'

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

@description('Optional. Days deleted blobs and containers can be restored; also how long previous blob versions are kept outside the immutable container.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

@description('Required. Resource id of the subnet allowed through the firewall (the Function App\'s; it has the Microsoft.Storage service endpoint).')
param allowedSubnetId string

@description('Optional. Public IPv4 addresses or CIDR ranges allowed through the firewall besides the subnet (operators, deployment machines). Storage takes no /31 or /32: give a single address without a prefix.')
param allowedIpAddresses string[] = []

@description('Required. One of `containerNames` whose blobs are write-once: a time-based retention policy forbids overwriting or deleting them for `immutabilityPeriodInDays`.')
param immutableContainerName string

@description('Optional. Days a blob in `immutableContainerName` can be neither overwritten nor deleted, counted from its creation.')
@minValue(1)
@maxValue(146000)
param immutabilityPeriodInDays int = 3650

@description('Optional. True once an operator has locked the retention policy (`az storage container immutability-policy lock`): Resource Manager cannot update a locked policy, so the template then leaves it alone.')
param immutabilityPolicyLocked bool = false

@description('Optional. Containers the Functions host writes in the account (keys, timer status): their previous versions expire like those of the other non-immutable containers.')
param hostContainerNames string[] = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]

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
      // Every overwrite or delete keeps the previous content as a version (restorable); previous versions outside the
      // immutable container expire with the lifecycle rule below. No change feed: the StorageWrite/StorageDelete logs
      // in Log Analytics already say who changed what, and the immutable container cannot change at all.
      isVersioningEnabled: true
      deleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
      }
    }

    // No `immutableStorageWithVersioning` (version-level WORM) on any container: there an overwrite succeeds and only
    // the previous version stays protected, so the name would serve a new document. The container-level policy below
    // refuses the overwrite itself, and it works in an account with versioning on.
    resource containers 'containers' = [
      for container in containerNames: {
        name: container
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  // Versioning keeps every overwritten state; outside the immutable container (host keys, timer status, deployment
  // packages) previous versions are noise after a week. Version actions need versioning on first, hence the dependency.
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'expire-previous-versions'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [
                  'blockBlob'
                ]
                prefixMatch: map(concat(filter(containerNames, c => c != immutableContainerName), hostContainerNames), c => '${c}/')
              }
              actions: {
                version: {
                  delete: {
                    daysAfterCreationGreaterThan: deleteRetentionDays
                  }
                }
              }
            }
          }
        ]
      }
    }
    dependsOn: [
      blobService
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

// Time-based retention, container scope, on the immutable container only: its blobs can be created and read, not
// overwritten or deleted until `immutabilityPeriodInDays` after their creation. Left unlocked (docs/operations.md,
// "Statement retention"). A loop over the containers so that the policy's parent is the container this deployment
// creates, not an `existing` reference read before it exists.
resource retention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = [
  for (container, i) in containerNames: if (container == immutableContainerName && !immutabilityPolicyLocked) {
    parent: account::blobService::containers[i]
    name: 'default'
    properties: {
      immutabilityPeriodSinceCreationInDays: immutabilityPeriodInDays
      allowProtectedAppendWrites: false
    }
  }
]

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
