metadata name = 'Role assignments'
metadata description = 'Least-privilege data-plane roles for one principal on the storage account, the Key Vault and Application Insights. Assignment names are deterministic (scope + principal + role), so a redeploy never duplicates them.'

@description('Required. Object id of the principal that receives the roles.')
param principalId string

@description('Optional. Type of the principal.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = 'ServicePrincipal'

@description('Required. Name of the storage account.')
param storageAccountName string

@description('Optional. Role definition ids (GUIDs) to assign on the storage account.')
param storageRoleDefinitionIds string[] = []

@description('Required. Name of the Key Vault.')
param keyVaultName string

@description('Optional. Role definition ids (GUIDs) to assign on the Key Vault.')
param keyVaultRoleDefinitionIds string[] = []

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Optional. Role definition ids (GUIDs) to assign on the Application Insights component.')
param applicationInsightsRoleDefinitionIds string[] = []

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleDefinitionIds: {
    name: guid(storageAccount.id, principalId, roleId)
    scope: storageAccount
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource keyVaultRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in keyVaultRoleDefinitionIds: {
    name: guid(keyVault.id, principalId, roleId)
    scope: keyVault
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource applicationInsightsRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in applicationInsightsRoleDefinitionIds: {
    name: guid(applicationInsights.id, principalId, roleId)
    scope: applicationInsights
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]
