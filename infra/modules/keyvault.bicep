metadata name = 'Key Vault (RBAC mode)'
metadata description = 'Holds the partner HMAC secrets, the webhook signing secrets and the sender-id hashing key. Access is by Azure RBAC only (no access policies); secret values are set by operators, never by the template. Reachable only from the app\'s subnet (and listed deployer addresses); every access is audited in Log Analytics.'

@description('Required. Name of the vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Location of the vault.')
param location string = resourceGroup().location

@description('Optional. Tags of the vault.')
param tags object = {}

@description('Optional. Purge protection: a deleted vault or secret cannot be purged before the retention ends. Cannot be turned off once on; leave it off for throwaway environments.')
param enablePurgeProtection bool = true

@description('Optional. Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Required. Resource id of the subnet allowed through the firewall (the Function App\'s; it has the Microsoft.KeyVault service endpoint). The platform resolves the app\'s Key Vault references through it.')
param allowedSubnetId string

@description('Optional. Public IPv4 addresses or CIDR ranges allowed through the firewall besides the subnet (operators setting secrets).')
param allowedIpAddresses string[] = []

@description('Required. Resource id of the Log Analytics workspace the vault sends its audit log and metrics to.')
param logAnalyticsWorkspaceId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The API refuses an explicit false: omit the property to leave purge protection off.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // Enabled, because the firewall below is what filters ('Disabled' would admit private endpoints only).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Deny'
      virtualNetworkRules: [
        {
          id: allowedSubnetId
          ignoreMissingVnetServiceEndpoint: false
        }
      ]
      ipRules: [
        for ip in allowedIpAddresses: {
          value: ip
        }
      ]
    }
  }
}

// Every data-plane call (SecretGet by the platform resolving references, SecretSet by operators, denied calls) lands in
// AZKVAuditLogs; resource-specific tables rather than AzureDiagnostics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        categoryGroup: 'audit'
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

@description('The name of the vault.')
output name string = vault.name

@description('The resource id of the vault.')
output resourceId string = vault.id

@description('The URI of the vault.')
output uri string = vault.properties.vaultUri
