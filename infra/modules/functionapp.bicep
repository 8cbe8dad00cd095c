metadata name = 'Function App on Flex Consumption'
metadata description = 'The Payouts Functions app (dotnet-isolated 10.0) on a Flex Consumption (FC1) plan. It runs as a user-assigned identity: storage, Key Vault references, deployment and telemetry use that identity; no setting holds a key. Its outbound traffic leaves through a VNet subnet (the only one storage and Key Vault admit); optionally, App Service authentication validates Entra ID tokens for the admin routes.'

@description('Required. Name of the Function App (globally unique host name).')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Optional. Location of the app and its plan.')
param location string = resourceGroup().location

@description('Optional. Tags of the plan. The app gets them plus `azd-service-name`.')
param tags object = {}

@description('Optional. The azd service this app hosts (azure.yaml).')
param serviceName string = 'api'

@description('Required. Resource id of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Required. Client id of the user-assigned identity (for `__clientId` settings).')
param identityClientId string

@description('Required. Blob endpoint of the storage account (https://<account>.blob.core.windows.net/).')
param storageBlobEndpoint string

@description('Required. Queue endpoint of the storage account.')
param storageQueueEndpoint string

@description('Required. Table endpoint of the storage account.')
param storageTableEndpoint string

@description('Required. Blob container that holds the deployment package (Flex Consumption "one deploy").')
param deploymentContainerName string

@description('Required. Application Insights connection string (endpoints only; ingestion is authenticated with the identity).')
param applicationInsightsConnectionString string

@description('Required. Name of the Key Vault the secret settings reference.')
param keyVaultName string

@description('Optional. Memory of each instance in MB (Flex Consumption sizes).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Upper bound of instances the platform scales out to (Flex Consumption: 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Partner ids that send signed HTTP records. Each gets two HMAC secret slots in Key Vault, `partner-<id>-secret-0` and `-1`; both must exist (see docs/operations.md). Letters and digits only: Key Vault secret names and app setting names share no other character.')
param partnerIds string[] = []

@description('Optional. Agency ids that receive signed webhooks. Each gets two signing secret slots in Key Vault, `webhook-<id>-secret-0` and `-1` (each adds a signature). Letters and digits only.')
param webhookTargetIds string[] = []

@description('Required. Resource id of the subnet the app integrates with (delegated to Microsoft.App/environments): all its outbound traffic leaves through it.')
param virtualNetworkSubnetId string

@description('Required. Resource id of the Log Analytics workspace the app sends its logs and metrics to.')
param logAnalyticsWorkspaceId string

@description('Optional. Client (application) id of the Entra ID app registration that admin callers get tokens for. Empty: no App Service authentication, and admin routes rely on the master key alone.')
param adminAuthClientId string = ''

@description('Optional. Tenant of that app registration.')
param adminAuthTenantId string = tenant().tenantId

@description('Optional. Further plain app settings (period calendar, schedules). Must not hold secrets: secrets come from Key Vault.')
param appSettings object = {}

@description('Optional. Partner scopes as app settings, e.g. `{ "Payouts__Partners__nova__RecordTypes__0": "bonuses" }` (docs/operations.md, "Partner scope"). Only `Payouts__Partners__*` names other than secrets are kept, and they override nothing else.')
param partnerScopeSettings object = {}

// Identity-based storage connections, in the shape the Functions host and Payouts' StorageEndpoints read.
// `AzureWebJobsStorage` serves the host (queue triggers, timers' schedule monitor, keys); `PayoutsStorage` is the
// app's data connection (Payouts__StorageConnection names it). Both point at the same account today: queue triggers
// and the queues the app writes to must live together. Pointing `PayoutsStorage` elsewhere is the sharding seam.
var storageSettings = {
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  Payouts__StorageConnection: 'PayoutsStorage'
  PayoutsStorage__blobServiceUri: storageBlobEndpoint
  PayoutsStorage__queueServiceUri: storageQueueEndpoint
  PayoutsStorage__tableServiceUri: storageTableEndpoint
  PayoutsStorage__credential: 'managedidentity'
  PayoutsStorage__clientId: identityClientId
}

// Telemetry: Entra ID authentication (the component has local auth disabled). AZURE_CLIENT_ID lets DefaultAzureCredential
// (e.g. an Azure Monitor exporter) pick the same identity.
var telemetrySettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
}

// Secrets: Key Vault references resolved by the platform with `keyVaultReferenceIdentity`. Values never pass through the template.
var secretSettings = {
  Payouts__SenderHashKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=sender-hash-key)'
  Payouts__PayoutDetailsKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=payout-details-key)'
}

// Partner scopes: only scope names survive, and they come first in the union below, so they can neither set a secret
// nor replace any other setting.
var scopeSettings = toObject(
  filter(items(partnerScopeSettings), s => startsWith(s.key, 'Payouts__Partners__') && !contains(s.key, '__Secrets__')),
  s => s.key,
  s => string(s.value)
)

// Admin routes: with an app registration, the app requires the `Payouts.Operator` app role from the principal App Service
// authentication validated (X-MS-CLIENT-PRINCIPAL), on top of the master key. Without one there is no principal to check.
var adminSettings = {
  Payouts__Admin__RequireEntraRole: empty(adminAuthClientId) ? 'false' : 'true'
}

var partnerSecretSettings = reduce(
  partnerIds,
  {},
  (settings, id) =>
    union(settings, {
      'Payouts__Partners__${id}__Secrets__0': '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=partner-${id}-secret-0)'
      'Payouts__Partners__${id}__Secrets__1': '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=partner-${id}-secret-1)'
    })
)

var webhookSecretSettings = reduce(
  webhookTargetIds,
  {},
  (settings, id) =>
    union(settings, {
      'Payouts__Webhooks__${id}__Secrets__0': '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=webhook-${id}-secret-0)'
      'Payouts__Webhooks__${id}__Secrets__1': '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=webhook-${id}-secret-1)'
    })
)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityResourceId
    // Flex Consumption sends all outbound traffic through the integrated subnet anyway; vnetRouteAllEnabled says so
    // explicitly (and is what an Elastic Premium plan would need for storage and Key Vault to see the subnet).
    virtualNetworkSubnetId: virtualNetworkSubnetId
    vnetRouteAllEnabled: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The platform probes each instance and replaces one that keeps answering non-2xx. /api/health answers 503 only
      // when the instance cannot reach storage or its queues; data gaps (missing rates) are warnings, not failures.
      healthCheckPath: '/api/health'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption takes the worker runtime from functionAppConfig: no FUNCTIONS_WORKER_RUNTIME or
  // FUNCTIONS_EXTENSION_VERSION here, and no WEBSITE_RUN_FROM_PACKAGE.
  resource settings 'config' = {
    name: 'appsettings'
    properties: union(scopeSettings, storageSettings, telemetrySettings, secretSettings, adminSettings, partnerSecretSettings, webhookSecretSettings, appSettings)
  }

  // App Service authentication (Easy Auth) validates Entra ID bearer tokens issued for the app registration and passes
  // the caller on as X-MS-CLIENT-PRINCIPAL* headers. It never refuses a request by itself: partners send function keys
  // and HMAC signatures, the health probe sends nothing, so the app decides per route (admin routes require the
  // Payouts.Operator role, see adminSettings).
  resource authSettings 'config' = if (!empty(adminAuthClientId)) {
    name: 'authsettingsV2'
    properties: {
      platform: {
        enabled: true
      }
      globalValidation: {
        requireAuthentication: false
        unauthenticatedClientAction: 'AllowAnonymous'
      }
      httpSettings: {
        requireHttps: true
      }
      login: {
        tokenStore: {
          enabled: false
        }
      }
      identityProviders: {
        azureActiveDirectory: {
          enabled: true
          registration: {
            clientId: adminAuthClientId
            openIdIssuer: '${environment().authentication.loginEndpoint}${adminAuthTenantId}/v2.0'
          }
          validation: {
            // v2 tokens carry the client id as audience, v1 tokens the identifier URI.
            allowedAudiences: [
              'api://${adminAuthClientId}'
              adminAuthClientId
            ]
          }
        }
      }
    }
  }

  // Deployment goes through Entra ID (azd, az functionapp deploy); the basic-auth publishing endpoints stay off.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('The name of the Function App.')
output name string = site.name

@description('The resource id of the Function App.')
output resourceId string = site.id

@description('The default host name of the Function App.')
output defaultHostName string = site.properties.defaultHostName

@description('The name of the Flex Consumption plan.')
output planName string = plan.name
