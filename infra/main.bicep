metadata name = 'Payouts'
metadata description = 'Payouts on Azure: Functions on Flex Consumption integrated with a VNet subnet, Table/Queue/Blob storage without shared keys and Key Vault for secrets (both reachable only from that subnet), a user-assigned identity with least-privilege roles, Application Insights with Entra ID ingestion, diagnostic settings to Log Analytics, write-once statements, optional Entra ID for admin routes. Deployed by `azd up` (azure.yaml at the repository root).'

targetScope = 'resourceGroup'

@description('Required. azd environment name; part of every resource name and the `azd-env-name` tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Optional. Location of all resources.')
param location string = resourceGroup().location

@description('Optional. Object id of the person or group operating this environment (azd sets the signed-in user). Gets Key Vault Secrets Officer (to set secrets), Storage Queue Data Contributor (poison queues, replays) and read access to tables and blobs. Leave empty to grant nothing.')
param principalId string = ''

@description('Optional. Type of `principalId`.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Optional. Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Most instances the Function App scales out to. Storage, not compute, is the ceiling: see docs/operations.md, "Scale".')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Period kind statements are cut by. Fixed for a deployment\'s data: changing it later is a migration.')
@allowed([
  'Monthly'
  'Weekly'
])
param periodKind string = 'Monthly'

@description('Optional. IANA time zone periods are cut in (schedules themselves run in UTC).')
param periodTimeZone string = 'Europe/Paris'

@description('Optional. Wait after a period ends before it is closed (TimeSpan, d.hh:mm:ss, 1 minute to 31 days).')
param periodGrace string = '2.00:00:00'

@description('Optional. NCrontab schedule (UTC, six fields with seconds) of the period-close timer.')
param closeSchedule string = '0 0 * * * *'

@description('Optional. NCrontab schedule (UTC, six fields with seconds) of the webhook dispatcher.')
param webhookSchedule string = '0 * * * * *'

@description('Optional. How far a partner signature\'s timestamp may be from the server clock (TimeSpan).')
param signatureTolerance string = '00:05:00'

@description('Optional. How long a statement builder holds a creator; a crashed builder blocks that creator this long (TimeSpan).')
param statementLease string = '00:05:00'

@description('Optional. Creators one instance builds at once across all statement jobs: bounds memory and storage load per instance.')
@minValue(1)
@maxValue(64)
param statementBuildConcurrency int = 8

@description('Optional. HTTP ingest requests per second each partner may send (a token bucket per instance; one request carries up to 1,000 records).')
param ingestRateLimitPerSecond string = '20'

@description('Optional. HTTP ingest requests a partner may send at once after a quiet spell.')
@minValue(1)
@maxValue(100000)
param ingestRateLimitBurst int = 100

@description('Optional. Comma-separated partner ids that send signed HTTP records (azd: `PAYOUTS_PARTNER_IDS`); each needs Key Vault secrets `partner-<id>-secret-0` and `-1`. Letters and digits only.')
param partnerIds string = ''

@description('Optional. Partner scopes as app settings, e.g. `{ "Payouts__Partners__nova__RecordTypes__0": "bonuses", "Payouts__Partners__nova__AllowAgencyCommissionRate": "false" }`; set it in main.parameters.json (docs/operations.md, "Partner scope"). Without it every partner may send everything.')
param partnerScopeSettings object = {}

@description('Optional. Comma-separated agency ids that receive signed webhooks (azd: `PAYOUTS_WEBHOOK_TARGET_IDS`); each needs Key Vault secrets `webhook-<id>-secret-0` and `-1`. Letters and digits only.')
param webhookTargetIds string = ''

@description('Optional. Name of the platform\'s own account, debited by the payout batch\'s pain.001 credit-transfer file (azd: `PAYOUTS_DEBTOR_NAME`; at most 70 characters). With `payoutDebtorIban` and `payoutDebtorBic`, or all three empty: the batch then has its JSON and CSV but no transfer file.')
param payoutDebtorName string = ''

@description('Optional. IBAN of that account (azd: `PAYOUTS_DEBTOR_IBAN`), in a SEPA country. Not a secret: it is printed on every transfer.')
param payoutDebtorIban string = ''

@description('Optional. BIC of the bank holding that account (azd: `PAYOUTS_DEBTOR_BIC`), 8 or 11 characters.')
param payoutDebtorBic string = ''

@description('Optional. Key Vault purge protection. On for anything holding real secrets; off lets a throwaway environment be purged at once.')
param keyVaultEnablePurgeProtection bool = true

@description('Optional. Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Optional. Public IPv4 addresses or CIDR ranges (operators, deployment machines) allowed through the storage and Key Vault firewalls besides the app\'s subnet: setting secrets, reading tables and blobs, replaying queues. Storage takes no /31 or /32 prefix: give a single address bare. Empty: only the app gets in.')
param deployerIpAddresses string[] = []

@description('Optional. Address space of the VNet the app integrates with (a /24; the app subnet is its first /26). Change it only to avoid an overlap when peering.')
param virtualNetworkAddressPrefix string = '10.40.0.0/24'

@description('Optional. Days a statement document can be neither overwritten nor deleted (time-based retention on the `statements` container, from each blob\'s creation).')
@minValue(1)
@maxValue(146000)
param statementsRetentionDays int = 3650

@description('Optional. Set to true after locking the statements retention policy (docs/operations.md, "Statement retention"): a locked policy cannot be updated by a deployment, so the template stops managing it.')
param statementsRetentionLocked bool = false

@description('Optional. Log storage reads to Log Analytics (every queue poll and table query: most of the log volume). Writes and deletes are always logged.')
param storageReadLogs bool = true

@description('Optional. Client (application) id of the Entra ID app registration for admin routes (azd: `PAYOUTS_ADMIN_AUTH_CLIENT_ID`; docs/operations.md, "Entra ID for admin routes"). Set: App Service authentication validates tokens and admin routes require the `Payouts.Operator` app role on top of the master key. Empty: admin routes rely on the master key alone.')
param adminAuthClientId string = ''

@description('Optional. Tenant of the admin app registration.')
param adminAuthTenantId string = tenant().tenantId

var tags = {
  'azd-env-name': environmentName
}

var partners = filter(map(split(partnerIds, ','), id => trim(id)), id => !empty(id))
var webhookTargets = filter(map(split(webhookTargetIds, ','), id => trim(id)), id => !empty(id))

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var functionAppName = 'func-payouts-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

// Must match Payouts.Storage.Tables.TableNames.All (tests/Payouts.Infra.Tests checks it).
var tableNames = [
  'Gifts'
  'Deals'
  'RecordIds'
  'Activity'
  'IngestRejected'
  'Rates'
  'Creators'
  'Agencies'
  'Periods'
  'Statements'
  'StatementsByPeriod'
  'Outbox'
  'PayoutDetails'
]

// Must match Payouts.Storage.Tables.QueueNames.All, each with the `-poison` queue the host moves failed messages to.
var queueNames = [
  'gifts-inbound'
  'gifts-inbound-poison'
  'deals-inbound'
  'deals-inbound-poison'
  'statement-jobs'
  'statement-jobs-poison'
  'payout-statements'
  'payout-statements-poison'
]

// Must include Payouts.Storage.Statements.StatementDocuments.Container.
var statementsContainerName = 'statements'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-payouts-${resourceToken}'
    location: location
    tags: tags
  }
}

// The app's subnet: the one network storage and Key Vault admit (service endpoints), plus deployerIpAddresses.
module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    name: 'vnet-payouts-${resourceToken}'
    location: location
    tags: tags
    addressPrefix: virtualNetworkAddressPrefix
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    tableNames: tableNames
    queueNames: queueNames
    containerNames: [
      statementsContainerName
      deploymentContainerName
    ]
    // Statements are written create-only under new names (StatementDocuments), so a write-once container costs the app nothing.
    immutableContainerName: statementsContainerName
    immutabilityPeriodInDays: statementsRetentionDays
    immutabilityPolicyLocked: statementsRetentionLocked
    allowedSubnetId: network.outputs.appSubnetId
    allowedIpAddresses: deployerIpAddresses
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsResourceId
    logReads: storageReadLogs
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    enablePurgeProtection: keyVaultEnablePurgeProtection
    allowedSubnetId: network.outputs.appSubnetId
    allowedIpAddresses: deployerIpAddresses
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsResourceId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-payouts-${resourceToken}'
    applicationInsightsName: 'appi-payouts-${resourceToken}'
    location: location
    tags: tags
  }
}

// The app's identity: data roles on the one account, secrets read-only, metrics publishing. Nothing broader.
module appRoles 'modules/roleassignments.bicep' = {
  name: 'app-role-assignments'
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    storageRoleDefinitionIds: [
      'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner (host: deployment package, keys, timer locks)
      '974c5e8b-45b9-4653-ba55-5f855dd0a4e6' // Storage Queue Data Contributor
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
    ]
    keyVaultName: keyVault.outputs.name
    keyVaultRoleDefinitionIds: [
      '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
    ]
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    applicationInsightsRoleDefinitionIds: [
      '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher
    ]
  }
}

// The operator (azd: the signed-in user): set secrets, read and replay queues, read tables and statements. Never
// write the record tables by hand: records change only through the API.
module operatorRoles 'modules/roleassignments.bicep' = if (!empty(principalId)) {
  name: 'operator-role-assignments'
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    storageRoleDefinitionIds: [
      '974c5e8b-45b9-4653-ba55-5f855dd0a4e6' // Storage Queue Data Contributor
      '76199698-9eea-4c19-bc75-cec21354c6b6' // Storage Table Data Reader
      '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' // Storage Blob Data Reader
    ]
    keyVaultName: keyVault.outputs.name
    keyVaultRoleDefinitionIds: [
      'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer
    ]
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: functionAppName
    planName: 'plan-payouts-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultName: keyVault.outputs.name
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    partnerIds: partners
    webhookTargetIds: webhookTargets
    partnerScopeSettings: partnerScopeSettings
    virtualNetworkSubnetId: network.outputs.appSubnetId
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsResourceId
    adminAuthClientId: adminAuthClientId
    adminAuthTenantId: adminAuthTenantId
    appSettings: {
      Payouts__Periods__Kind: periodKind
      Payouts__Periods__TimeZone: periodTimeZone
      Payouts__Periods__Grace: periodGrace
      Payouts__CloseSchedule: closeSchedule
      Payouts__WebhookSchedule: webhookSchedule
      Payouts__SignatureTolerance: signatureTolerance
      Payouts__StatementLease: statementLease
      Payouts__StatementBuildConcurrency: string(statementBuildConcurrency)
      Payouts__IngestRateLimit__RequestsPerSecond: ingestRateLimitPerSecond
      Payouts__IngestRateLimit__Burst: string(ingestRateLimitBurst)
      Payouts__Debtor__Name: payoutDebtorName
      Payouts__Debtor__Iban: payoutDebtorIban
      Payouts__Debtor__Bic: payoutDebtorBic
    }
  }
  // The app starts as soon as it exists: its identity must already hold the roles its settings rely on.
  dependsOn: [
    appRoles
  ]
}

@description('Location of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group of the deployment.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Name of the Function App (azd deploys the `api` service to it).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Base URL of the Function App.')
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Table endpoint of the storage account.')
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint

@description('Queue endpoint of the storage account.')
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint

@description('Blob endpoint of the storage account.')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Name of the Key Vault holding the partner, webhook and sender-hash secrets.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('URI of the Key Vault.')
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri

@description('Client id of the app\'s user-assigned identity.')
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Name of the Application Insights component.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

@description('Name of the Log Analytics workspace.')
output AZURE_LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName

@description('How admin routes are authenticated in this deployment.')
output PAYOUTS_ADMIN_AUTHENTICATION string = empty(adminAuthClientId)
  ? 'master key only: no adminAuthClientId, so no App Service authentication and no app-role check (docs/operations.md, "Entra ID for admin routes")'
  : 'Entra ID token with the Payouts.Operator app role (audience api://${adminAuthClientId}) and the master key'
